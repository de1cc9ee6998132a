import { describe, expect, it } from 'vitest';
import { currentSection, siteNavigation } from '../../../../src/lib/links/navigation.ts';
import {
  correctionsPageUrl,
  correctionsUrl,
  homeUrl,
  indexPageUrl,
  issueUrl,
  peopleUrl,
  personUrl,
  searchUrl,
  sourcesUrl,
  timelinePartUrl,
  timelineUrl,
} from '../../../../src/lib/links/urls.ts';

describe('currentSection', () => {
  it('names the section of a section page and of a page below it (the phone header says "Sections: <it>")', () => {
    expect(currentSection(peopleUrl())?.label).toBe('People');
    expect(currentSection(personUrl('gustavo-petro'))?.label).toBe('People');
    expect(currentSection(issueUrl('drugs-and-counternarcotics'))?.label).toBe('Issues');
    expect(currentSection(indexPageUrl(sourcesUrl(), 2))?.label).toBe('Sources');
    expect(currentSection(timelinePartUrl('2026-february'))?.label).toBe('Timeline');
  });

  it('names none for pages outside the sections', () => {
    for (const path of [homeUrl(), searchUrl(), correctionsUrl(), correctionsPageUrl(2), '/404.html']) {
      expect(currentSection(path), path).toBeUndefined();
    }
  });

  it('is one of the navigation’s own items, so the header can mark that link', () => {
    expect(siteNavigation).toContain(currentSection(timelineUrl()));
  });
});
