import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { FURNITURE_FILE, readFurnitureFile } from '../../src/lib/import/furniture-file.ts';
import { compareWithCapture } from '../../src/lib/content/provenance.ts';
import { projectRoot } from '../helpers/content.ts';

const capturesDir = join(projectRoot, 'content', 'captures');
const records = readFurnitureFile(readFileSync(join(projectRoot, FURNITURE_FILE), 'utf8')).captures;
const { model } = checkContent(readContentSources(projectRoot));

describe('each stored article is its capture, word for word', () => {
  it('has a furniture record for every article and every capture', () => {
    expect(records.map((record) => record.article).sort()).toEqual([...model.articles.keys()].sort());
    for (const article of model.articles.values()) {
      expect(records.find((record) => record.article === article.id)?.capture).toBe(article.data.capture.file);
    }
  });

  it('keeps the raw captures identical to the seeds they were copied from', () => {
    for (const record of records) {
      const seed = join(projectRoot, '..', 'shared', 'seeds', record.capture);
      let seedText: string;
      try {
        seedText = readFileSync(seed, 'utf8');
      } catch {
        continue; // the seeds folder sits beside a checkout, not inside it; the copy in content/captures is the record
      }
      expect(readFileSync(join(capturesDir, record.capture), 'utf8')).toBe(seedText);
    }
  });

  for (const record of records) {
    it(`${record.article}: every capture line is body text in order or recorded furniture`, () => {
      const article = model.articles.get(record.article);
      expect(article, `article ${record.article}`).toBeDefined();
      const capture = readFileSync(join(capturesDir, record.capture), 'utf8');
      expect(compareWithCapture(capture, article?.blocks ?? [], record, article?.data)).toEqual([]);
    });
  }
});

describe('the provenance check catches what it must', () => {
  const record = records.find((candidate) => candidate.article === 'los-angeles-times-petro-and-trump-make-peace');
  const article = model.articles.get('los-angeles-times-petro-and-trump-make-peace');
  if (!record || !article) throw new Error('the Los Angeles Times article is missing');
  const capture = readFileSync(join(capturesDir, record.capture), 'utf8');

  it('a lost paragraph', () => {
    const blocks = article.blocks.filter((block) => block.id !== 'sick-man');
    expect(compareWithCapture(capture, blocks, record, article.data)[0]).toMatch(
      /^capture line 47 "President Trump recently called Colombia’s leader.*" is neither the next body text \(expected body block "murderer-and-hitler"/,
    );
  });

  it('an altered word', () => {
    const blocks = article.blocks.map((block) => (block.id === 'fantastic' ? { ...block, text: block.text.replace('fantastic', 'great') } : block));
    expect(compareWithCapture(capture, blocks, record, article.data)[0]).toMatch(/^capture line 53 /);
  });

  it('an invented paragraph', () => {
    const blocks = [...article.blocks, { id: 'invented', kind: 'paragraph' as const, text: 'Something never published.', line: 99 }];
    expect(compareWithCapture(capture, blocks, record, article.data)).toEqual([
      'body block "invented" ("Something never published.") is not in the capture at this place',
    ]);
  });

  it('paragraphs out of order', () => {
    const [first, second, ...rest] = article.blocks;
    if (!first || !second) throw new Error('too few blocks');
    expect(compareWithCapture(capture, [second, first, ...rest], record, article.data)[0]).toMatch(/^capture line 43 /);
  });

  it('a front-matter field that does not carry its line', () => {
    const data = { ...article.data, title: 'A different headline' };
    expect(compareWithCapture(capture, article.blocks, record, data)).toEqual([
      `capture line 1 "After a year of tensions, Colombia's Petro and Trump make peace" is said to be in front matter field "title", which does not carry it`,
    ]);
  });
});
