import { describe, expect, it } from 'vitest';
import { generateCorpus, proportionsOf } from '../../../scripts/lib/corpus/corpus.ts';
import { currentComparisonForm, measureProportions } from '../../../scripts/lib/corpus/write.ts';
import { parseArticleBody } from '../../../src/lib/content/article-blocks.ts';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { splitFrontMatter } from '../../../src/lib/content/front-matter.ts';
import { asSources } from '../../helpers/content.ts';

const today = measureProportions('.').proportions;

describe('generateCorpus', () => {
  it('writes a tree that passes every content check, in the schema the site accepts now', () => {
    const corpus = generateCorpus({ seed: 7, articles: 9, proportions: today, comparisons: currentComparisonForm() });
    const { problems, model } = checkContent(asSources(corpus.files));
    expect(problems).toEqual([]);
    expect(model.articles.size).toBe(9);
    expect(model.data.meeting).toHaveLength(1);
  });

  it('is deterministic: the same seed gives the same files, another seed other files', () => {
    const options = { articles: 6, proportions: today, comparisons: 'two-source' as const };
    const a = generateCorpus({ ...options, seed: 3 });
    const b = generateCorpus({ ...options, seed: 3 });
    const c = generateCorpus({ ...options, seed: 4 });
    expect([...a.files]).toEqual([...b.files]);
    expect([...a.files]).not.toEqual([...c.files]);
  });

  it('with --corpus per-article, keeps the proportions of the content it is modelled on (the worst case)', () => {
    const proportions = proportionsOf({
      articles: 2,
      events: 36,
      issues: 16,
      people: 11,
      quotations: 26,
      comparisons: 68,
    });
    const corpus = generateCorpus({
      seed: 1,
      articles: 100,
      proportions,
      comparisons: 'two-source',
      cast: 'per-article',
    });
    expect(corpus.counts).toMatchObject({
      articles: 100,
      events: 1800,
      issues: 800,
      people: 550,
      quotations: 1300,
      comparisons: 3400,
    });
  });

  it('writes articles of realistic length: 10 to 30 blocks with ids, headings and pull quotes, from several outlets', () => {
    const corpus = generateCorpus({ seed: 2, articles: 20, proportions: today, comparisons: 'two-source' });
    const articles = [...corpus.files].filter(([path]) => path.startsWith('content/articles/'));
    const outlets = new Set<string>();
    let pullquotes = 0;
    for (const [file, text] of articles) {
      const { result } = splitFrontMatter(file, text);
      if (!result) throw new Error(`${file}: no front matter`);
      const { body, data } = result;
      outlets.add(String((data as { outlet: string }).outlet));
      const { blocks, problems } = parseArticleBody(body);
      expect(problems).toEqual([]);
      expect(blocks.length).toBeGreaterThanOrEqual(10);
      expect(blocks.length).toBeLessThanOrEqual(30);
      expect(blocks.some((block) => block.kind === 'heading')).toBe(true);
      pullquotes += blocks.filter((block) => block.kind === 'pullquote').length;
    }
    expect(pullquotes).toBeGreaterThan(0);
    expect(outlets.size).toBeGreaterThanOrEqual(4);
  });

  it('by default lets people and issues recur across stories, as in the news, and passes every content check', () => {
    const news = generateCorpus({ seed: 4, articles: 120, proportions: today });
    const worst = generateCorpus({ seed: 4, articles: 120, proportions: today, cast: 'per-article' });
    // The same articles, events, quotations and points; far fewer people and issues, each coming back.
    expect(news.counts).toMatchObject({
      articles: 120,
      events: worst.counts.events,
      quotations: worst.counts.quotations,
    });
    expect(news.counts.people).toBeLessThan(worst.counts.people / 3);
    expect(news.counts.issues).toBeLessThan(worst.counts.issues / 3);
    const { problems, model } = checkContent(asSources(news.files));
    expect(problems).toEqual([]);
    // A person's quotations come from several stories (the story is the prefix of a quotation's id).
    const storiesOf = new Map<string, Set<string>>();
    for (const { entry } of model.data.quotations)
      storiesOf.set(entry.speaker, (storiesOf.get(entry.speaker) ?? new Set()).add(entry.id.split('-')[0] as string));
    const recurring = [...storiesOf.values()].filter((stories) => stories.size >= 3).length;
    expect(recurring).toBeGreaterThan(5);
    // Events bear on issues that earlier stories raised.
    const raisedIn = new Map(model.data.issues.map(({ entry }) => [entry.id, entry.id.split('-')[0]]));
    const later = model.data.events.filter(({ entry }) =>
      entry.issues.some((issue) => raisedIn.get(issue) !== entry.id.split('-')[0]),
    );
    expect(later.length).toBeGreaterThan(model.data.events.length / 2);
  });

  it('gives every person a name of their own', () => {
    const corpus = generateCorpus({ seed: 5, articles: 200, proportions: today });
    const names = [...corpus.files]
      .filter(([path]) => path.startsWith('content/people/'))
      .flatMap(([, text]) => [...text.matchAll(/^ {2}name: (.+)$/gm)].map((match) => match[1]));
    expect(names.length).toBe(corpus.counts.people);
    expect(new Set(names).size).toBe(names.length);
    // 200 articles: 15 s alone, past the default 20 s when the machine's two cores are shared.
  }, 60_000);
});
