import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../../../src/data/read-sources.ts';
import { eventFacets, quotationFacets } from '../../../../src/lib/analysis/filter-facets.ts';
import { checkContent } from '../../../../src/lib/content/check-content.ts';
import { facetOptions } from '../../../../src/lib/reading/filters.ts';
import { projectRoot, siteIndexOf } from '../../../helpers/content.ts';

// The person filter offers the people the timeline is about (issue 17, a reader's review: "Adolf Hitler" was
// offered on the timeline, named only as the figure Petro likened Trump to).
const { model, problems } = checkContent(readContentSources(projectRoot));
const index = siteIndexOf(model, (id) => ({ id, name: id, kind: 'outlet' }));
const label = (_facet: string, value: string): string => value;

describe('the person facet', () => {
  it('the content checks', () => {
    expect(problems).toEqual([]);
  });

  it('offers on the timeline exactly the actors of its events: never someone only named in telling of one', () => {
    const facets = index.timeline.map((event) => eventFacets(index, event));
    const offered = facetOptions(facets, label)
      .find((facet) => facet.facet === 'person')
      ?.options.map((option) => option.value);
    const actors = new Set(index.timeline.flatMap((event) => event.people));
    const named = new Set(index.timeline.flatMap((event) => event.mentions ?? []));
    expect(named.has('adolf-hitler')).toBe(true);
    expect(offered).not.toContain('adolf-hitler');
    expect(new Set(offered)).toEqual(actors);
    for (const id of named) if (!actors.has(id)) expect(offered, id).not.toContain(id);
  });

  it('names the speaker of a quotation as its person', () => {
    const quotation = index.quotationsOf('donald-trump')[0]!;
    expect(quotationFacets(index, quotation).person).toEqual(['donald-trump']);
  });

  it('keeps an event on the page of someone it only names, but not among their people', () => {
    const event = index.eventById.get('petro-murderer-hitler')!;
    expect(event.mentions).toEqual(['adolf-hitler']);
    expect(eventFacets(index, event).person).toEqual(['gustavo-petro', 'donald-trump']);
    expect(index.eventsOf('adolf-hitler').map((entry) => entry.id)).toEqual(['petro-murderer-hitler']);
    expect(index.peopleOfIssue('insults-and-rhetoric').map((person) => person.id)).not.toContain('adolf-hitler');
  });
});

// The year filter claims no year an entry's date does not allow (fact-check, third pass): the undated clashes of
// the year before the meeting fall between Trump's return (2025) and the meeting (2026), so either year shows them.
describe('the year facet', () => {
  it('gives a dated entry its own year', () => {
    expect(eventFacets(index, index.eventById.get('illegal-drug-leader-label')!).period).toEqual(['2025']);
    expect(eventFacets(index, index.eventById.get('white-house-meeting')!).period).toEqual(['2026']);
  });

  it('gives an undated entry every year between its bounds', () => {
    const event = index.eventById.get('aid-halted')!;
    expect(event.when).toMatchObject({
      precision: 'relative',
      after: 'trump-second-term',
      before: 'white-house-meeting',
    });
    expect(eventFacets(index, event).period).toEqual(['2025', '2026']);
    expect(quotationFacets(index, index.quotationById.get('obey-humanity')!).period).toEqual(['2025', '2026']);
  });

  it('gives an undated entry bounded within one year that year only', () => {
    // Between the 7 January call and the meeting, both in 2026.
    expect(eventFacets(index, index.eventById.get('temporary-visa')!).period).toEqual(['2026']);
    // Before the meeting, with no earlier bound: the meeting's year, as before.
    expect(eventFacets(index, index.eventById.get('petro-murderer-hitler')!).period).toEqual(['2026']);
  });
});
