import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../../src/lib/content/check-content.ts';
import { buildSiteIndex, paragraphKey, type SiteIndex } from '../../../../src/lib/analysis/site-index.ts';
import type { ArticleBlock } from '../../../../src/lib/content/article-blocks.ts';
import { siteName } from '../../../../src/lib/links/navigation.ts';
import type { Citation, Meeting } from '../../../../src/schemas/index.ts';
import { generateCorpus } from '../../../../scripts/lib/corpus/corpus.ts';
import { measureProportions } from '../../../../scripts/lib/corpus/write.ts';
import { readContentSources } from '../../../../src/data/read-sources.ts';
import { asSources, projectRoot, readFixture, siteIndexOf } from '../../../helpers/content.ts';
import { SPEAKER_PAGE_QUOTATIONS } from '../../../../src/lib/links/pagination.ts';
import { HOME_FAMILIES, indexPageUrl, paragraphUrl, personUrl } from '../../../../src/lib/links/urls.ts';

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

describe("a cited passage's text fragment", () => {
  // The article page's text ahead of a passage, as textDirective is to be given it: the site's name, the
  // headline, the header's texts, the blocks before the passage's own and its own up to the passage (or, for a
  // passage of the header, every block and the passage). The index answers from each article's text kept once;
  // every link must be what this text gives.
  const aheadOf = (site: SiteIndex, articleId: string, paragraphId: string, passage: string): string => {
    const article = site.articleById.get(articleId);
    if (!article) return '';
    const at = article.blocks.findIndex((block) => block.id === paragraphId);
    const own = article.blocks[at]?.text ?? '';
    return [
      siteName,
      article.title,
      ...(article.header ?? []),
      ...(at < 0 ? article.blocks : article.blocks.slice(0, at)).map((block) => block.text),
      at < 0 ? passage : own.slice(0, Math.max(0, own.indexOf(passage))),
    ].join(' ');
  };
  const expected = (site: SiteIndex, citation: Citation): string =>
    paragraphUrl(citation.article, citation.paragraph, citation.words, (passage) =>
      aheadOf(site, citation.article, citation.paragraph, passage),
    );

  it('is what the text ahead of it gives, for every citation of the site and of a generated corpus', () => {
    const corpus = generateCorpus({ seed: 11, articles: 30, proportions: measureProportions(projectRoot).proportions });
    const outlet = (id: string) => ({ id, name: id, kind: 'outlet' });
    for (const site of [
      siteIndexOf(checkContent(readContentSources(projectRoot)).model, outlet),
      siteIndexOf(checkContent(asSources(corpus.files)).model, outlet),
    ]) {
      const citations: Citation[] = [];
      const collect = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(collect);
        else if (value !== null && typeof value === 'object') {
          const record = value as Record<string, unknown>;
          if (typeof record['article'] === 'string' && typeof record['paragraph'] === 'string')
            citations.push(record as unknown as Citation);
          Object.values(record).forEach(collect);
        }
      };
      collect([site.events, site.quotations, site.comparisons, site.issues, site.people, site.meeting]);
      // Long passages given as ranges (start,end) are those the text ahead decides.
      expect(citations.filter((citation) => /:~:text=[^&]*,/.test(site.resolve(citation).href)).length).toBeGreaterThan(
        5,
      );
      for (const citation of citations) expect(site.resolve(citation).href).toBe(expected(site, citation));
    }
  });

  it('is what the text ahead gives across the cut before the passage, and where lowercasing changes a length', () => {
    const outlet = { id: 'o', name: 'Outlet', kind: 'outlet' };
    // Each article: its blocks, and a long passage of its second block (more than six words: given as a range).
    const cases: Record<string, { texts: string[]; words: string }> = {
      // The first words ahead of the passage, in the block before it and just before it in its own block.
      plain: {
        texts: [
          'We say one two three here.',
          'Before it one two three four and then one two three four five six seven eight.',
        ],
        words: 'one two three four five six seven eight',
      },
      // The first three words occur first across the cut, starting ahead of the passage and ending in it: not ahead.
      straddle: { texts: ['Nothing here.', 'x x x x x x x x y.'], words: 'x x x x x x x y' },
      // "İ" lowercases to two characters, so the text ahead lowercased is longer than its length in the block: the
      // first three words end exactly where the passage starts, ahead of it.
      dotted: { texts: ['Nothing here.', 'İ b c db c d e f g h i.'], words: 'b c d e f g h i' },
      // A capital sigma lowercases by what follows it, which may differ at the cut: the index writes the text out.
      sigma: { texts: ['Nothing here.', 'ΟΔΟΣ b c ΟΔΟΣb c d e f g h.'], words: 'ΟΔΟΣb c d e f g h' },
    };
    const site = buildSiteIndex({
      articles: Object.entries(cases).map(([id, { texts }]) => ({
        id,
        title: `Title of ${id}`,
        outlet,
        blocks: texts.map((text, at) => ({ id: `p${at + 1}`, kind: 'paragraph', text }) as ArticleBlock),
      })),
      outlets: [outlet],
      people: [],
      issues: [],
      events: [],
      quotations: [],
      meeting: { id: 'm', event: 'e', facts: [], sections: [] } as unknown as Meeting,
      comparisons: [],
    });
    const ranges = new Set<string>();
    for (const [id, { words }] of Object.entries(cases))
      for (const paragraph of ['p1', 'p2', 'title', 'unknown']) {
        const citation = { article: id, paragraph, words };
        const href = site.resolve(citation).href;
        expect(href, `${id} ${paragraph}`).toBe(expected(site, citation));
        if (paragraph === 'p2') ranges.add(href.slice(href.indexOf('text=')));
      }
    // What the cases are for, in the second block: the first words grow past those found ahead ("one two three
    // four" is, so the passage is given whole; "x x x" is not, across the cut; "b c d" is, ending at the cut).
    expect([...ranges]).toEqual([
      'text=one%20two%20three%20four%20five%20six%20seven%20eight',
      'text=x%20x%20x,x%20x%20y',
      'text=b%20c%20d%20e,g%20h%20i',
      'text=%CE%9F%CE%94%CE%9F%CE%A3b%20c%20d,f%20g%20h',
    ]);
  });
});
