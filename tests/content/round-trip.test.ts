import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import type { ArticleBlock } from '../../src/lib/content/article-blocks.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { FURNITURE_FILE, readFurnitureFile } from '../../src/lib/import/furniture-file.ts';
import { importCapture } from '../../src/lib/import/import-article.ts';
import { parseArticleBody } from '../../src/lib/content/article-blocks.ts';
import { splitFrontMatter } from '../../src/lib/content/front-matter.ts';
import { projectRoot } from '../helpers/content.ts';

// Importing each committed capture with today's rules must give back the committed article body:
// the same paragraphs, headings, pull quotes (with their attributions) and embed markers, in the same
// order, word for word. Ids are left out of the comparison: the committed ids were written by hand,
// before the importer existed, and an id is never derived again from the text once it is written
// (so a fresh import gives other ids). Blocks are compared by kind and text. A second test imports
// over the committed article with --force's id keeping and gets every committed id back.
const furniture = readFurnitureFile(readFileSync(join(projectRoot, FURNITURE_FILE), 'utf8'));
const { model } = checkContent(readContentSources(projectRoot));
const outlets = model.data.outlets.map((loaded) => loaded.entry);

const shape = (
  block: Pick<ArticleBlock, 'kind' | 'text'> & { attribution?: string | undefined; platform?: string | undefined },
) => ({
  kind: block.kind,
  text: block.kind === 'embed' ? '' : block.text,
  attribution: block.attribution,
  platform: block.platform,
});

describe('importing each committed capture reproduces its article', () => {
  for (const record of furniture.captures) {
    const article = model.articles.get(record.article);
    const bytes = readFileSync(join(projectRoot, 'content', 'captures', record.capture));
    const imported = () =>
      importCapture({
        captureFile: record.capture,
        captureName: record.capture,
        bytes,
        slug: record.article,
        outlets,
        rules: furniture.rules,
      });

    it(`${record.article}: the same blocks, in order, word for word`, () => {
      expect(article, record.article).toBeDefined();
      const blocks = imported().blocks.map((block) => shape({ ...block, text: 'text' in block ? block.text : '' }));
      expect(blocks).toEqual(article?.blocks.map(shape));
    });

    it(`${record.article}: the same furniture record`, () => {
      expect(imported().record).toEqual(record);
    });

    it(`${record.article}: the front matter the capture gives`, () => {
      const data = splitFrontMatter('imported.md', imported().article).result?.data as Record<string, unknown>;
      expect(data['title']).toBe(article?.data.title);
      expect(data['published']).toEqual(article?.data.published);
      expect(data['standfirst']).toBe(article?.data.standfirst);
      expect(data['leadImage']).toEqual(article?.data.leadImage);
    });

    it(`${record.article}: imported over the committed article, every block keeps its committed id`, () => {
      const again = importCapture({
        captureFile: record.capture,
        captureName: record.capture,
        bytes,
        slug: record.article,
        outlets,
        rules: furniture.rules,
        previous: article?.blocks ?? [],
      });
      const body = splitFrontMatter('imported.md', again.article).result?.body ?? '';
      expect(parseArticleBody(body).blocks.map((block) => block.id)).toEqual(article?.blocks.map((block) => block.id));
    });
  }
});
