import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedBlocksOf, forgetCheckedContent, rememberCheckedContent } from '../../../src/data/checked-content.ts';
import { readContentSources } from '../../../src/data/read-sources.ts';
import { parseArticleBody } from '../../../src/lib/content/article-blocks.ts';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import type { ContentSources } from '../../../src/lib/content/content-model.ts';
import { projectRoot, readFixture } from '../../helpers/content.ts';

// The article blocks the content guard parsed, handed to the pages (getArticles) instead of a second parse.
afterEach(() => forgetCheckedContent(true));

/**
 * An article body as Astro's glob loader gives it (entry.body): its Markdown entry type's getEntryInfo
 * (astro/dist/vite-plugin-markdown/content-entry-type.js) blanks the front matter out with Astro's own
 * parser and trims the rest.
 */
const astroBody = (text: string): string => parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();

function remember(sources: ContentSources): void {
  const { model, problems } = checkContent(sources);
  expect(problems).toEqual([]);
  rememberCheckedContent(projectRoot, Object.values(sources.data).flat(), model, sources.articles);
}

describe('checkedBlocksOf', () => {
  it('gives, for every article of the site and of the fixture set, exactly the blocks a parse of its body gives', () => {
    for (const sources of [readContentSources(projectRoot), readFixture()]) {
      remember(sources);
      expect(sources.articles.length).toBeGreaterThan(0);
      for (const { text } of sources.articles) {
        const body = astroBody(text);
        expect(checkedBlocksOf(body)).toEqual(parseArticleBody(body).blocks);
      }
    }
  });

  it('counts lines from the body Astro gives when blank lines open the body', () => {
    const sources = readFixture();
    const article = sources.articles[0]!;
    article.text = article.text.replace(/\n---\n/, '\n---\n\n\n');
    remember(sources);
    const body = astroBody(article.text);
    expect(checkedBlocksOf(body)).toEqual(parseArticleBody(body).blocks);
    expect(checkedBlocksOf(body)?.[0]?.line).toBe(parseArticleBody(body).blocks[0]?.line);
  });

  it('has nothing for a body the guard did not check (an edit since), nor after content that failed', () => {
    const sources = readFixture();
    remember(sources);
    const body = astroBody(sources.articles[0]!.text);
    expect(checkedBlocksOf(`${body}\n\nA paragraph added since. {#added}`)).toBeUndefined();
    forgetCheckedContent(true);
    expect(checkedBlocksOf(body)).toBeUndefined();
  });
});
