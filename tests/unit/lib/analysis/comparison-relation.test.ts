import { describe, expect, it } from 'vitest';
import {
  describeRelation,
  joinNames,
  onlyInArticle,
  relationOf,
  type RelationInput,
} from '../../../../src/lib/analysis/comparison-relation.ts';
import { comparisonEntryUrl } from '../../../../src/lib/links/urls.ts';

const names: Record<string, string> = { cr: 'Clash Report', lat: 'the Los Angeles Times', ap: 'AP', bbc: 'the BBC' };
const name = (id: string): string => names[id] ?? id;
const accounts = (...ids: string[]): RelationInput['accounts'] => ids.map((article) => ({ article }));
const text = (point: RelationInput, site: readonly string[]) =>
  describeRelation(relationOf(point, site), point.difference, name);

describe('joinNames', () => {
  it('joins one, two and more names as prose', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('relationOf', () => {
  it('derives which articles report a point, and which do not, from its accounts', () => {
    const relation = relationOf({ agreement: 'agree', accounts: accounts('lat') }, ['cr', 'lat', 'ap']);
    expect(relation).toEqual({ kind: 'some', reporting: ['lat'], silent: ['cr', 'ap'], sides: [] });
  });

  it('calls a point every article reports alike "all"', () => {
    expect(relationOf({ agreement: 'agree', accounts: accounts('lat', 'cr') }, ['cr', 'lat']).kind).toBe('all');
  });

  it('groups accounts that differ by side, in order of first appearance; an account without a side stands alone', () => {
    const relation = relationOf(
      {
        agreement: 'differ',
        difference: 'figure',
        accounts: [
          { article: 'cr', side: 'hedged' },
          { article: 'lat', side: 'flat' },
          { article: 'ap', side: 'hedged' },
          { article: 'bbc' },
        ],
      },
      ['cr', 'lat', 'ap', 'bbc'],
    );
    expect(relation.sides).toEqual([
      { side: 'hedged', articles: ['cr', 'ap'] },
      { side: 'flat', articles: ['lat'] },
      { side: undefined, articles: ['bbc'] },
    ]);
  });
});

describe('describeRelation, for any number of sources', () => {
  it('two sources that agree', () => {
    expect(text({ agreement: 'agree', accounts: accounts('cr', 'lat') }, ['cr', 'lat'])).toEqual({
      label: 'Both report it alike',
      sentence: 'Both report it alike.',
    });
  });

  it('three sources that agree', () => {
    expect(text({ agreement: 'agree', accounts: accounts('cr', 'lat', 'ap') }, ['cr', 'lat', 'ap'])).toEqual({
      label: 'All 3 report it alike',
      sentence: 'All 3 report it alike.',
    });
  });

  it('one source of two reports it', () => {
    expect(text({ agreement: 'agree', accounts: accounts('lat') }, ['cr', 'lat'])).toEqual({
      label: 'Only the Los Angeles Times reports it',
      sentence: 'Only the Los Angeles Times reports it; Clash Report does not.',
    });
  });

  it('two sources of four report it: which do, and which do not', () => {
    expect(text({ agreement: 'agree', accounts: accounts('cr', 'ap') }, ['cr', 'lat', 'ap', 'bbc'])).toEqual({
      label: 'Only Clash Report and AP report it',
      sentence: 'Only Clash Report and AP report it; the Los Angeles Times and the BBC do not.',
    });
  });

  it('two sources that differ, without sides', () => {
    expect(
      text({ agreement: 'differ', difference: 'wording', accounts: accounts('cr', 'lat') }, ['cr', 'lat']),
    ).toEqual({
      label: 'They differ in wording',
      sentence: 'They differ in wording.',
    });
  });

  it('a difference in precision: one says more exactly what the other says too', () => {
    const point: RelationInput = {
      agreement: 'differ',
      difference: 'precision',
      accounts: [
        { article: 'cr', side: 'month-only' },
        { article: 'lat', side: 'to-the-day' },
      ],
    };
    expect(text(point, ['cr', 'lat'])).toEqual({
      label: 'They differ in precision',
      sentence: 'They differ in precision: Clash Report (month only) against the Los Angeles Times (to the day).',
    });
  });

  it('three sources on two sides, and one that does not report it', () => {
    const point: RelationInput = {
      agreement: 'differ',
      difference: 'date',
      accounts: [
        { article: 'cr', side: 'tuesday' },
        { article: 'lat', side: 'wednesday' },
        { article: 'ap', side: 'tuesday' },
      ],
    };
    expect(text(point, ['cr', 'lat', 'ap', 'bbc'])).toEqual({
      label: 'They differ in a date',
      sentence:
        'They differ in a date: Clash Report and AP (tuesday) against the Los Angeles Times (wednesday); the BBC does not report it.',
    });
  });

  it('three sources that differ, without sides, and one that does not report it', () => {
    expect(
      text({ agreement: 'differ', difference: 'emphasis', accounts: accounts('cr', 'lat', 'ap') }, [
        'cr',
        'lat',
        'ap',
        'bbc',
      ]).sentence,
    ).toBe('They differ in emphasis; the BBC does not report it.');
  });

  it('three sides', () => {
    const point: RelationInput = {
      agreement: 'differ',
      difference: 'figure',
      accounts: [
        { article: 'cr', side: 'about-two-hours' },
        { article: 'lat', side: 'two-hours' },
        { article: 'ap', side: 'three-hours' },
      ],
    };
    expect(text(point, ['cr', 'lat', 'ap']).sentence).toBe(
      'They differ in a figure: Clash Report (about two hours); the Los Angeles Times (two hours); AP (three hours).',
    );
  });

  it('a site with one source', () => {
    expect(text({ agreement: 'agree', accounts: accounts('cr') }, ['cr']).label).toBe('Its one source reports it');
  });
});

describe('where a point is listed', () => {
  it("a point only one article reports goes to that article's page; every other to /sources/", () => {
    expect(onlyInArticle(relationOf({ agreement: 'agree', accounts: accounts('lat') }, ['cr', 'lat']))).toBe('lat');
    expect(
      onlyInArticle(relationOf({ agreement: 'agree', accounts: accounts('lat', 'ap') }, ['cr', 'lat', 'ap'])),
    ).toBeUndefined();
    expect(comparisonEntryUrl({ id: 'x', agreement: 'agree', accounts: accounts('lat') }, ['cr', 'lat'])).toBe(
      '/sources/only/lat/#x',
    );
    // An article alone in its story: its points stay on its page when a later article joins the story.
    expect(comparisonEntryUrl({ id: 'y', agreement: 'agree', accounts: accounts('lat') }, ['lat'])).toBe(
      '/sources/only/lat/#y',
    );
    expect(
      comparisonEntryUrl({ id: 'z', agreement: 'differ', difference: 'fact', accounts: accounts('cr', 'lat') }, [
        'cr',
        'lat',
      ]),
    ).toBe('/sources/#z');
  });
});
