import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../../src/lib/content/check-content.ts';
import { paragraphKey } from '../../../../src/lib/analysis/site-index.ts';
import { generateCorpus } from '../../../../scripts/lib/corpus/corpus.ts';
import { measureProportions } from '../../../../scripts/lib/corpus/write.ts';
import { readContentSources } from '../../../../src/data/read-sources.ts';
import { asSources, projectRoot, readFixture, siteIndexOf } from '../../../helpers/content.ts';
import { SPEAKER_PAGE_QUOTATIONS } from '../../../../src/lib/links/pagination.ts';
import { HOME_FAMILIES, indexPageUrl, personUrl } from '../../../../src/lib/links/urls.ts';

const { model } = checkContent(readFixture());
const index = siteIndexOf(model, () => ({
  id: 'sample-outlet',
  name: 'Sample Outlet',
  shortName: 'Sample',
  kind: 'A test outlet',
}));

describe('the site index', () => {
  it('lists everything that cites a paragraph, once each', () => {
    const kinds = index.citedBy
      .get(paragraphKey('sample-article', 'leaders-met'))
      ?.map((link) => `${link.kind} ${link.href}`);
    expect(kinds).toEqual([
      `event ${index.eventHomeUrl('the-meeting')}`,
      'issue /issues/talks/',
      'person /people/ada-leader/',
      'quotation /people/ada-leader/#very-positive',
      'meeting /meeting/#when',
    ]);
    expect(index.citedBy.get(paragraphKey('sample-article', 'no-deal'))?.map((link) => link.kind)).toEqual([
      'meeting',
      'comparison',
    ]);
  });

  it('resolves a citation to a labelled paragraph link', () => {
    expect(index.resolve({ article: 'sample-article', paragraph: 'no-deal' })).toMatchObject({
      href: '/articles/sample-article/#no-deal',
      label: 'Sample ¶2',
      title: 'Sample Outlet, paragraph 2',
    });
  });

  it('links issues, events, people and quotations both ways', () => {
    expect(index.eventsOfIssue('talks').map((event) => event.id)).toEqual(['the-meeting']);
    expect(index.quotationsOfIssue('talks').map((quotation) => quotation.id)).toEqual(['very-positive']);
    expect(index.peopleOfIssue('talks').map((person) => person.id)).toEqual(['ada-leader']);
    expect(index.quotationsOf('ada-leader').map((quotation) => quotation.id)).toEqual(['very-positive']);
    expect(index.eventsOf('ada-leader').map((event) => event.id)).toEqual(['the-meeting']);
    expect(index.issuesOf('ada-leader').map((issue) => issue.id)).toEqual(['talks']);
    expect(index.quotationsOfEvent('the-meeting').map((quotation) => quotation.id)).toEqual(['very-positive']);
  });
});

describe('last updated, from the corrections log', () => {
  it('dates each page by the latest log entry touching what it shows, else by the edition', () => {
    // The event's home (its part of the timeline), and the quotation's (its speaker's page, whose entry names
    // the event); the quotations pages list the quotation, not its event.
    expect(index.lastUpdatedOf(index.eventHomeUrl('the-meeting').split('#')[0] ?? '')).toBe('2026-02-05');
    expect(index.lastUpdatedOf('/timeline/')).toBe('2026-02-05');
    expect(index.lastUpdatedOf('/people/ada-leader/')).toBe('2026-02-05');
    expect(index.lastUpdatedOf('/quotations/')).toBe('2026-02-04');
    expect(index.lastUpdatedOf('/articles/sample-article/')).toBe('2026-02-04');
    expect(index.lastUpdatedOf('/no-such-page/')).toBe('2026-02-04');
  });

  it('links every entry the log names', () => {
    expect(index.entryRefUrl('events/the-meeting')).toMatch(/^\/timeline\/[a-z0-9-]+\/#the-meeting$/);
    expect(index.entryRefUrl('meeting/sample-meeting')).toBe('/meeting/');
    expect(index.entryRefUrl('quotations/very-positive')).toBe('/people/ada-leader/#very-positive');
    // An entry withdrawn since: its kind's index (a withdrawn point's id is kept on /sources/ by an alias).
    expect(index.entryRefUrl('events/withdrawn')).toBe('/timeline/');
    expect(index.entryRefUrl('comparisons/withdrawn')).toBe('/sources/#withdrawn');
  });
});

describe('which articles a comparison point names as not reporting it', () => {
  it('only the articles compared with those that report it (the same story), not every stored article', () => {
    const corpus = generateCorpus({ seed: 5, articles: 14, proportions: measureProportions(projectRoot).proportions });
    const { model: generated, problems } = checkContent(asSources(corpus.files));
    expect(problems).toEqual([]);
    const big = siteIndexOf(generated, (id) => ({ id, name: id, kind: 'A synthetic outlet' }));
    const stories = new Set<string>();
    for (const comparison of big.comparisons) {
      const { reporting, silent } = big.relationOf(comparison);
      const story = [...reporting, ...silent].sort();
      // Stories have 2 to 4 articles; the corpus has 14.
      expect(story.length, comparison.id).toBeGreaterThanOrEqual(1);
      expect(story.length, comparison.id).toBeLessThanOrEqual(4);
      stories.add(story.join(' '));
    }
    // Every article is in exactly one story.
    const all = [...stories].flatMap((story) => story.split(' '));
    expect(new Set(all).size).toBe(all.length);
  });

  it('in the first edition, where both articles are compared point by point, the other article', () => {
    const real = siteIndexOf(checkContent(readContentSources(projectRoot)).model, (id) => ({
      id,
      name: id,
      kind: 'outlet',
    }));
    const some = real.comparisons.filter((comparison) => real.relationOf(comparison).kind === 'some');
    expect(some.length).toBeGreaterThan(10);
    for (const comparison of some)
      expect(real.relationOf(comparison).reporting.length + real.relationOf(comparison).silent.length).toBe(2);
  });
});

describe('the pages of /sources/, a home', () => {
  it("keeps every earlier page as it was when a new article's points join: they go to the end", () => {
    const corpus = generateCorpus({ seed: 7, articles: 60, proportions: measureProportions(projectRoot).proportions });
    const outlet = (id: string) => ({ id, name: id, kind: 'A synthetic outlet' });
    const after = siteIndexOf(checkContent(asSources(corpus.files)).model, outlet);
    // Before: the same site without its newest article, and without that article's accounts.
    const newest = after.articles.at(-1)!.id;
    const { model } = checkContent(asSources(corpus.files));
    const without = siteIndexOf(
      {
        ...model,
        articles: new Map([...model.articles].filter(([id]) => id !== newest)),
        data: {
          ...model.data,
          comparisons: model.data.comparisons.flatMap((item) => {
            const accounts = item.entry.accounts.filter((account) => account.article !== newest);
            return accounts.length === 0 ? [] : [{ ...item, entry: { ...item.entry, accounts } }];
          }),
          events: model.data.events.filter(({ entry }) =>
            entry.citations.every((citation) => citation.article !== newest),
          ),
          quotations: model.data.quotations.filter(({ entry }) => entry.source.article !== newest),
        },
      },
      outlet,
    );
    const ids = (index: typeof after) =>
      index.sourcesPages().map((page) => page.items.map((entry) => entry.comparison.id));
    const [was, now] = [ids(without), ids(after)];
    expect(was.length).toBeGreaterThan(3);
    // Every page but the last is the same; the last keeps its points first; the new points follow.
    expect(now.slice(0, was.length - 1)).toEqual(was.slice(0, -1));
    expect(now[was.length - 1]!.slice(0, was.at(-1)!.length)).toEqual(was.at(-1));
    expect(now.flat().length).toBeGreaterThan(was.flat().length);
  });
});

describe("a much-quoted speaker's pages, a home", () => {
  it("puts a speaker's quotations in pages, oldest first, each quotation's address on its page", () => {
    const corpus = generateCorpus({ seed: 3, articles: 40, proportions: measureProportions(projectRoot).proportions });
    const big = siteIndexOf(checkContent(asSources(corpus.files)).model, (id) => ({ id, name: id, kind: 'x' }));
    const speaker = big.people.find((person) => big.quotationsOf(person.id).length > SPEAKER_PAGE_QUOTATIONS);
    expect(speaker, 'a speaker quoted more than a page holds').toBeDefined();
    const pages = big.speakerPages(speaker!.id);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((page) => page.items)).toEqual(big.quotationsOf(speaker!.id));
    for (const page of pages)
      for (const quotation of page.items)
        expect(big.quotationHomeUrl(quotation)).toBe(
          `${indexPageUrl(personUrl(speaker!.id), page.number)}#${quotation.id}`,
        );
    // Its further pages are pages of the quotations' home, where the guard finds a moved entry.
    const home = HOME_FAMILIES.find((family) => family.itemOf?.('/quotations/x/') === 'x');
    expect(home?.isHome(indexPageUrl(personUrl(speaker!.id), 2))).toBe(true);
    expect(home?.isHome('/people/page/2/')).toBe(false);
  });
});
