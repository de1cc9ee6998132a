import { describe, expect, it } from 'vitest';
import { facetOptions, filterAttributes, filterQuery, matchesFilter, parseFilterState } from '../../../../src/lib/reading/filters.ts';

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
    expect(filterAttributes({ issue: ['a', 'b', 'a'], outlet: ['x'] })).toEqual({ 'data-issues': 'a b', 'data-outlets': 'x' });
    expect(filterAttributes({ person: ['p'] })).toEqual({ 'data-issues': '', 'data-people': 'p' });
  });
  it('offers the values the entries have, by label (periods by date), leaving out facets that could not narrow anything', () => {
    const entries = [
      { issue: ['b', 'a'], person: ['p'], period: ['2026'] },
      { issue: ['a'], person: ['p'], period: ['2022'] },
    ];
    expect(facetOptions(entries, (facet, value) => `${facet}:${value === 'a' ? 'Zebra' : value}`)).toEqual([
      { facet: 'issue', options: [{ value: 'b', label: 'issue:b' }, { value: 'a', label: 'issue:Zebra' }] },
      { facet: 'period', options: [{ value: '2022', label: 'period:2022' }, { value: '2026', label: 'period:2026' }] },
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
