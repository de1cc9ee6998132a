import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { projectRoot } from '../helpers/content.ts';

describe('the real content', () => {
  const { model, problems } = checkContent(readContentSources(projectRoot));

  it('passes every schema and cross-reference check', () => {
    expect(problems.length === 0 ? '' : formatProblems(problems)).toBe('');
  });

  it('stores both articles, each with paragraphs', () => {
    expect([...model.articles.keys()].sort()).toEqual([
      'clash-report-trump-meets-petro',
      'los-angeles-times-petro-and-trump-make-peace',
    ]);
    for (const article of model.articles.values()) {
      expect(article.blocks.filter((block) => block.kind === 'paragraph').length).toBeGreaterThan(10);
    }
  });

  it('gives every quotation word for word from the paragraph it cites', () => {
    for (const { entry } of model.data.quotations) {
      const block = model.articles.get(entry.source.article)?.blocks.find((candidate) => candidate.id === entry.source.paragraph);
      expect(block?.text, entry.id).toContain(entry.text);
    }
  });
});
