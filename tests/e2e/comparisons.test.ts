import { select, selectAll } from 'hast-util-select';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { articleUrl, sourcesOnlyInUrl, sourcesUrl } from '../../src/lib/links/urls.ts';
import { nestQuotes } from '../../src/lib/reading/quoted-in-text.ts';
import { DIFFERENCES_NEEDING_QUOTED } from '../../src/schemas/comparison.ts';
import { baseUrl, launchBrowser } from '../helpers/browser.ts';
import { projectRoot, siteIndexOf } from '../helpers/content.ts';
import { blockText, pageTree } from '../helpers/dist.ts';

const { model } = checkContent(readContentSources(projectRoot));
const comparisons = model.data.comparisons.map((loaded) => loaded.entry);
const outlets = new Map(model.data.outlets.map(({ entry }) => [entry.id, entry]));
const index = siteIndexOf(model, (id) => outlets.get(id)!);
/** A point's home: the page that lists it (its address without the fragment). */
const homeOf = (id: string): string =>
  index.comparisonEntryUrl(comparisons.find((point) => point.id === id)!).split('#')[0]!;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The boxes of a point's accounts, in document order. */
const accountBoxes = (page: Page, scope: string) =>
  page.locator(`${scope} .accounts > .account[data-article]`).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        article: element.getAttribute('data-article'),
        x: box.x,
        y: box.y,
        width: box.width,
        bottom: box.bottom,
      };
    }),
  );

async function open(width: number, path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(baseUrl + path);
  return page;
}

describe('accounts of a point, side by side or stacked', () => {
  it('at desktop width the accounts of the point on the meeting’s length stand side by side, one per article', async () => {
    const page = await open(1280, homeOf('meeting-length'));
    const boxes = await accountBoxes(page, '#meeting-length');
    // The site's order of articles (by publication), as the source cards list them.
    expect(boxes.map((box) => box.article)).toEqual([
      'los-angeles-times-petro-and-trump-make-peace',
      'clash-report-trump-meets-petro',
    ]);
    const [first, second] = boxes as [(typeof boxes)[number], (typeof boxes)[number]];
    expect(second.y).toBe(first.y);
    expect(second.x).toBeGreaterThanOrEqual(first.x + first.width);
    await page.close();
  });

  it('at 390 px they are stacked, the second under the first, each the full width', async () => {
    const page = await open(390, homeOf('meeting-length'));
    const boxes = await accountBoxes(page, '#meeting-length');
    const [first, second] = boxes as [(typeof boxes)[number], (typeof boxes)[number]];
    expect(second.x).toBe(first.x);
    expect(second.y).toBeGreaterThanOrEqual(first.bottom);
    expect(second.width).toBe(first.width);
    await page.close();
  });

  it('three accounts also stand side by side on a wide screen and stack on a phone', async () => {
    for (const [width, sideBySide] of [
      [1280, true],
      [390, false],
    ] as const) {
      const page = await open(width, homeOf('meeting-length'));
      // A third account, as a third source would add one.
      await page.locator('#meeting-length .accounts').evaluate((accounts) => {
        const third = accounts.lastElementChild!.cloneNode(true) as HTMLElement;
        third.dataset['article'] = 'a-third-article';
        accounts.append(third);
      });
      const boxes = await accountBoxes(page, '#meeting-length');
      expect(boxes).toHaveLength(3);
      const rows = new Set(boxes.map((box) => box.y));
      expect(rows.size).toBe(sideBySide ? 1 : 3);
      await page.close();
    }
  });
});

describe('the outlets’ own words', () => {
  const quotedPoints = comparisons.filter(
    (point) =>
      point.agreement === 'differ' &&
      point.difference !== undefined &&
      DIFFERENCES_NEEDING_QUOTED.has(point.difference),
  );

  it('there are such points to check', () => {
    expect(quotedPoints.map((point) => point.id)).toContain('meeting-length');
  });

  for (const path of [...new Set(quotedPoints.map((point) => homeOf(point.id)))]) {
    it(`${path}: every account of a difference in wording, a figure, a date or framing shows its outlet’s printed words as a cited <q>, opening with double quotation marks`, async () => {
      const page = await open(1280, path);
      for (const point of quotedPoints.filter((candidate) => homeOf(candidate.id) === path)) {
        const scope = `#${point.id}`;
        for (const account of point.accounts) {
          const shown = await page
            .locator(`${scope} .account[data-article="${account.article}"] q`)
            .evaluateAll((quotes) =>
              quotes.map((quote) => ({
                words: quote.textContent,
                cite: quote.getAttribute('cite'),
                citation: quote.nextElementSibling?.querySelector('a.citation')?.getAttribute('href') ?? null,
                // The marks the <q> opens with: the first of its `quotes` (double; single only nested inside).
                opens: getComputedStyle(quote).quotes.split(' ')[0] ?? '',
              })),
            );
          // The words as printed, their own double quotation marks nested (single) inside ours.
          expect(shown.map((item) => item.words)).toEqual(account.quoted!.map((quoted) => nestQuotes(quoted.words)));
          shown.forEach((item, index) => {
            const paragraph = `${articleUrl(account.article)}#${account.quoted![index]!.paragraph}`;
            expect(item.cite?.startsWith(paragraph)).toBe(true);
            expect(item.citation?.startsWith(paragraph)).toBe(true);
            expect(item.opens, `${point.id}: ${item.words}`).toBe('"“"');
          });
        }
      }
      await page.close();
    });
  }

  it('the two lists of topics stand together on one point, each outlet’s list in its own words', async () => {
    const page = await open(1280, homeOf('topics-discussed'));
    const lists = await page
      .locator('#topics-discussed .accounts > .account')
      .evaluateAll((accounts) =>
        accounts.map((account) => [...account.querySelectorAll('q')].map((quote) => quote.textContent)),
      );
    expect(lists).toHaveLength(2);
    // The outlets in the site's order (the LA Times first); Clash Report's own list, from its standfirst,
    // comes first in its account, then the subjects its text names.
    expect(lists[0]).toEqual(['which touched on energy, Venezuela and bilateral efforts to combat drug trafficking']);
    expect(lists[1]).toHaveLength(4);
    expect(lists[1]?.[0]).toBe('The meeting touched drugs, sanctions and diplomacy');
    await page.close();
  });
});

describe('how the accounts relate, stated', () => {
  it('the page of the points only one article reports says which, and which does not, once for them all', async () => {
    const page = await open(1280, sourcesOnlyInUrl('los-angeles-times-petro-and-trump-make-peace'));
    await expect(page.locator('.lede').textContent()).resolves.toMatch(
      /^\s*The Los Angeles Times reports these \w+ points and Clash Report does not, each cited/,
    );
    // Not again on each point (review 4, finding 8): its summary follows its topic.
    await expect(page.locator('#trump-fantastic').isVisible()).resolves.toBe(true);
    await expect(page.locator('#trump-fantastic .kind').count()).resolves.toBe(0);
    await page.close();
  });

  it('a difference with sides says which article stands on which', async () => {
    const page = await open(1280, homeOf('meeting-length'));
    await expect(page.locator('#meeting-length .kind').textContent()).resolves.toBe(
      'They differ in precision: the Los Angeles Times (unhedged) against Clash Report (hedged).',
    );
    await page.close();
  });
});

describe('addresses of withdrawn points keep working', () => {
  for (const [from, to] of [
    ['thaw-and-empire-post', 'phone-call-date'],
    ['petro-turn-after-raid', 'maduro-raid'],
    ['drug-links-qualified', 'drug-accusation-timing'],
  ] as const) {
    it(`/sources/${from}/ and /sources/#${from} lead to the point #${to}`, async () => {
      // The point's old page redirects to its old id on /sources/, which an alias puts on the point that replaced it.
      expect(homeOf(to)).toBe(sourcesUrl());
      const page = await open(1280, `/sources/${from}/`);
      await page.waitForURL(`${baseUrl}${sourcesUrl()}#${from}`);
      await expect(
        page.locator(`[id="${to}"]:target, [id="${to}"]:has(> [id="${from}"]:target)`).count(),
      ).resolves.toBe(1);
      await page.goto(`${baseUrl}${sourcesUrl()}#${from}`);
      await expect(page.locator(`[id="${from}"]`).getAttribute('data-alias-of')).resolves.toBe(to);
      await expect(
        page.locator(`[id="${from}"] + [id="${to}"], [id="${to}"]:has(> [id="${from}"])`).count(),
      ).resolves.toBe(1);
      await page.close();
    });
  }

  it('/sources/#group-both and #group-all land on the group every source reports alike, whose heading on page 1 links its points on page 2', async () => {
    expect(homeOf('meeting-held')).toBe('/sources/page/2/');
    for (const old of ['group-both', 'group-all']) {
      const page = await open(1280, `${sourcesUrl()}#${old}`);
      const heading = page.locator('h2#group-all');
      await expect(heading.isVisible()).resolves.toBe(true);
      await heading.locator('.count a').click();
      await page.waitForURL(`${baseUrl}/sources/page/2/#group-all`);
      await expect(page.locator('#group-all').isVisible()).resolves.toBe(true);
      await page.close();
    }
  });
});

describe('every point, in the built pages', () => {
  const articles = [...model.articles.keys()];
  const placeOf = (point: (typeof comparisons)[number]): string => {
    const reporting = point.accounts.map((account) => account.article);
    return point.agreement === 'agree' && reporting.length === 1 && articles.length > 1
      ? sourcesOnlyInUrl(reporting[0]!)
      : homeOf(point.id);
  };

  it('its entry in its home is the point in full: one account per reporting article, or, reported alike, a cited paragraph of each', () => {
    for (const point of comparisons) {
      const entry = select(`li[id="${point.id}"]`, pageTree(homeOf(point.id)))!;
      const reporting = point.accounts.map((account) => account.article).sort();
      const shown = selectAll('.accounts > .account[data-article]', entry).map((element) =>
        String(element.properties['dataArticle']),
      );
      const cited = selectAll('a.citation', entry).map((link) => String(link.properties['href']).split('#')[0]);
      if (shown.length > 0) expect([...shown].sort(), point.id).toEqual(reporting);
      else expect([...new Set(cited)].sort(), point.id).toEqual(reporting.map((id) => articleUrl(id)));
      expect(blockText(entry), point.id).toContain(point.summary);
    }
  });

  it('it has one place in the full comparison: only-one points on their article’s page, the others on /sources/ or its further pages', () => {
    const homes = ['/sources/', '/sources/page/2/', ...articles.map((id) => sourcesOnlyInUrl(id))];
    for (const point of comparisons) {
      const on = homes.filter((home) => Boolean(select(`li[id="${point.id}"]`, pageTree(home))));
      expect(on, point.id).toEqual([placeOf(point)]);
    }
  });

  it('every link to a point goes to its entry in its home, and its old page redirects there', () => {
    for (const point of comparisons) {
      const tree = pageTree(`/sources/${point.id}/`);
      const refresh = select('meta[http-equiv="refresh"]', tree);
      expect(String(refresh?.properties['content']), point.id).toBe(`0; url=${index.comparisonEntryUrl(point)}`);
    }
    for (const issue of model.data.issues.map(({ entry }) => entry)) {
      for (const point of index.comparisonsOfIssue(issue.id))
        expect(
          select(`a[href="${index.comparisonEntryUrl(point)}"]`, pageTree(`/issues/${issue.id}/`)),
          `${issue.id} → ${point.id}`,
        ).toBeTruthy();
    }
  });
});
