import { describe, expect, it } from 'vitest';
import {
  facetOptions,
  filterAttributes,
  filterQuery,
  matchesFilter,
  parseFilterState,
} from '../../../../src/lib/reading/filters.ts';
import { tallied, tallyOf } from '../../../../src/lib/reading/filter-tally.ts';

describe('parseFilterState', () => {
  it('reads each facet from the query string', () => {
    expect(parseFilterState('?issue=sanctions&person=gustavo-petro&outlet=los-angeles-times&period=2026')).toEqual({
      issue: 'sanctions',
      person: 'gustavo-petro',
      outlet: 'los-angeles-times',
      period: '2026',
    });
    expect(parseFilterState('')).toEqual({});
  });

  it('ignores unknown parameters and empty values', () => {
    expect(parseFilterState('?issue=&utm_source=x&outlet=clash-report')).toEqual({ outlet: 'clash-report' });
  });

  it("reads a form's fields as URLSearchParams alike (the client reads its form so)", () => {
    const fields = new URLSearchParams([
      ['issue', ''],
      ['person', 'gustavo-petro'],
      ['period', '2026'],
    ]);
    expect(parseFilterState(fields)).toEqual({ person: 'gustavo-petro', period: '2026' });
  });
});

describe('filterQuery', () => {
  it('writes the facets in a fixed order, and nothing for an empty state', () => {
    expect(filterQuery({ period: '2026', issue: 'energy' })).toBe('?issue=energy&period=2026');
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ issue: '' })).toBe('');
  });

  it('round-trips through parseFilterState', () => {
    const state = { issue: 'energy', person: 'donald-trump', outlet: 'clash-report', period: '2025' };
    expect(parseFilterState(filterQuery(state))).toEqual(state);
  });
});

describe('matchesFilter', () => {
  const entry = { issue: ['energy', 'climate'], person: ['gustavo-petro'], outlet: ['clash-report'], period: ['2026'] };
  it('shows an entry that has every chosen value', () => {
    expect(matchesFilter(entry, {})).toBe(true);
    expect(matchesFilter(entry, { issue: 'climate', period: '2026' })).toBe(true);
    expect(matchesFilter(entry, { issue: 'climate', person: 'donald-trump' })).toBe(false);
  });
  it('hides an entry that lacks the facet altogether', () => {
    expect(matchesFilter({ issue: ['energy'] }, { person: 'gustavo-petro' })).toBe(false);
  });
});

describe('filterAttributes and facetOptions', () => {
  it('writes the data attributes of an entry, values unique and space-separated', () => {
    expect(filterAttributes({ issue: ['a', 'b', 'a'], outlet: ['x'] })).toEqual({
      'data-issues': 'a b',
      'data-outlets': 'x',
    });
    expect(filterAttributes({ person: ['p'] })).toEqual({ 'data-issues': '', 'data-people': 'p' });
  });
  it('offers the values the entries have, by label (periods by date), leaving out facets that could not narrow anything', () => {
    const entries = [
      { issue: ['b', 'a'], person: ['p'], period: ['2026'] },
      { issue: ['a'], person: ['p'], period: ['2022'] },
    ];
    expect(facetOptions(entries, (facet, value) => `${facet}:${value === 'a' ? 'Zebra' : value}`)).toEqual([
      {
        facet: 'issue',
        options: [
          { value: 'b', label: 'issue:b' },
          { value: 'a', label: 'issue:Zebra' },
        ],
      },
      {
        facet: 'period',
        options: [
          { value: '2022', label: 'period:2022' },
          { value: '2026', label: 'period:2026' },
        ],
      },
    ]);
  });
  it('offers the outlets in the order rank gives (the site’s outlet order), not by name', () => {
    const entries = [{ outlet: ['clash'] }, { outlet: ['la'] }, { outlet: ['ap'] }];
    const names: Record<string, string> = { clash: 'Clash Report', la: 'Los Angeles Times', ap: 'Associated Press' };
    const order = ['la', 'clash', 'ap'];
    const offered = facetOptions(
      entries,
      (_, value) => names[value]!,
      (facet, value) => (facet === 'outlet' ? order.indexOf(value) : undefined),
    );
    expect(offered[0]?.options.map((option) => option.label)).toEqual([
      'Los Angeles Times',
      'Clash Report',
      'Associated Press',
    ]);
  });
});

describe('facetOptions leaves out a facet every entry has in full', () => {
  it('offers no outlet choice when every point is reported by both outlets', () => {
    const entries = [
      { issue: ['a'], outlet: ['x', 'y'] },
      { issue: ['b'], outlet: ['y', 'x'] },
    ];
    expect(facetOptions(entries, (_, value) => value).map((item) => item.facet)).toEqual(['issue']);
  });
});

describe('a tally of entries listed on another page', () => {
  // One outlet's points, of several issues (the points only one outlet reports).
  const entries = [
    { issue: ['sanctions', 'drugs'], outlet: ['clash'] },
    { issue: ['sanctions'], outlet: ['clash'] },
    { issue: ['energy'], outlet: ['clash'] },
  ];
  const tally = tallyOf(entries);

  it('counts each value of each facet', () => {
    expect(tally).toBe('issue:sanctions=2 issue:drugs=1 outlet:clash=3 issue:energy=1');
  });

  it('shows as many as matchesFilter would show of the entries themselves, for every state', () => {
    const states = [
      {},
      { issue: 'sanctions' },
      { issue: 'drugs' },
      { issue: 'visas' },
      { outlet: 'clash' },
      { outlet: 'la' },
      { issue: 'sanctions', outlet: 'clash' },
      { issue: 'sanctions', outlet: 'la' },
      { period: '2026' },
      { person: 'petro', issue: 'energy' },
    ];
    for (const state of states)
      expect(tallied(tally, entries.length, state), JSON.stringify(state)).toBe(
        entries.filter((entry) => matchesFilter(entry, state)).length,
      );
  });

  it('counts only the values the form offers, when told which: the others are never chosen', () => {
    const offered = tallyOf(entries, (facet, value) => facet === 'issue' && value !== 'drugs');
    expect(offered).toBe('issue:sanctions=2 issue:energy=1');
    expect(tallied(offered, 3, { issue: 'sanctions' })).toBe(2);
    expect(tallied(offered, 3, {})).toBe(3);
  });

  it('refuses entries that differ in two facets, naming them', () => {
    expect(() =>
      tallyOf([
        { issue: ['a'], outlet: ['x'] },
        { issue: ['b'], outlet: ['y'] },
      ]),
    ).toThrow('a tally counts entries that differ in one facet at most, these differ in issue and outlet');
  });
});
