import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblems } from '../../src/lib/content/problems.ts';
import { projectRoot } from '../helpers/content.ts';

describe('the real content', () => {
  const { model, problems } = checkContent(readContentSources(projectRoot));

  it('passes every schema and cross-reference check', () => {
    expect(problems.length === 0 ? '' : formatProblems(problems)).toBe('');
  });

  // Articles are added with `npm run import` (README "Add an article"): the first two must stay, and
  // every article, a short one too, must have paragraphs.
  it('stores the first two articles and any added since, each with paragraphs', () => {
    expect([...model.articles.keys()]).toEqual(expect.arrayContaining(['clash-report-trump-meets-petro', 'los-angeles-times-petro-and-trump-make-peace']));
    for (const article of model.articles.values()) {
      const paragraphs = article.blocks.filter((block) => block.kind === 'paragraph').length;
      expect(paragraphs, article.id).toBeGreaterThan(article.id.startsWith('clash-report') || article.id.startsWith('los-angeles-times') ? 10 : 0);
    }
  });

  it('gives every quotation word for word from the paragraph it cites', () => {
    for (const { entry } of model.data.quotations) {
      const block = model.articles.get(entry.source.article)?.blocks.find((candidate) => candidate.id === entry.source.paragraph);
      expect(block?.text, entry.id).toContain(entry.text);
    }
  });
});
