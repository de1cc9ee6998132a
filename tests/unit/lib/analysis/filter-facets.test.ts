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
