import { select, selectAll } from 'hast-util-select';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { articleUrl, comparisonUrl, sourcesOnlyInUrl, sourcesUrl } from '../../src/lib/links/urls.ts';
import { DIFFERENCES_NEEDING_QUOTED } from '../../src/schemas/comparison.ts';
import { baseUrl, launchBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { pageTree } from '../helpers/dist.ts';

const { model } = checkContent(readContentSources(projectRoot));
const comparisons = model.data.comparisons.map((loaded) => loaded.entry);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The boxes of a point's accounts, in document order. */
const accountBoxes = (page: Page, scope: string) =>
  page.locator(`${scope} .accounts > [data-account][data-article]`).evaluateAll((elements) =>
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
  it('at desktop width the accounts of /sources/meeting-length/ stand side by side, one per article', async () => {
    const page = await open(1280, comparisonUrl('meeting-length'));
    const boxes = await accountBoxes(page, 'main');
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
    const page = await open(390, comparisonUrl('meeting-length'));
    const boxes = await accountBoxes(page, 'main');
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
      const page = await open(width, comparisonUrl('meeting-length'));
      // A third account, as a third source would add one.
      await page.locator('main .accounts').evaluate((accounts) => {
        const third = accounts.lastElementChild!.cloneNode(true) as HTMLElement;
        third.dataset['article'] = 'a-third-article';
        accounts.append(third);
      });
      const boxes = await accountBoxes(page, 'main');
      expect(boxes).toHaveLength(3);
      const rows = new Set(boxes.map((box) => box.y));
      expect(rows.size).toBe(sideBySide ? 1 : 3);
      await page.close();
    }
  });

  it('on /sources/ the accounts of a point stand side by side at desktop width', async () => {
    const page = await open(1280, sourcesUrl());
    const boxes = await accountBoxes(page, '#meeting-length');
    expect(boxes).toHaveLength(2);
    expect(boxes[1]!.y).toBe(boxes[0]!.y);
    await page.close();
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

  for (const path of [sourcesUrl(), ...quotedPoints.map((point) => comparisonUrl(point.id))]) {
    it(`${path}: every account of a difference in wording, a figure, a date or framing shows its outlet’s printed words as a cited <q>`, async () => {
      const page = await open(1280, path);
      for (const point of path === sourcesUrl()
        ? quotedPoints
        : quotedPoints.filter((candidate) => comparisonUrl(candidate.id) === path)) {
        const scope = path === sourcesUrl() ? `#${point.id}` : 'main';
        for (const account of point.accounts) {
          const shown = await page
            .locator(`${scope} [data-account][data-article="${account.article}"] q`)
            .evaluateAll((quotes) =>
              quotes.map((quote) => ({
                words: quote.textContent,
                cite: quote.getAttribute('cite'),
                citation: quote.nextElementSibling?.querySelector('a.citation')?.getAttribute('href') ?? null,
              })),
            );
          expect(shown.map((item) => item.words)).toEqual(account.quoted!.map((quoted) => quoted.words));
          shown.forEach((item, index) => {
            const paragraph = `${articleUrl(account.article)}#${account.quoted![index]!.paragraph}`;
            expect(item.cite?.startsWith(paragraph)).toBe(true);
            expect(item.citation?.startsWith(paragraph)).toBe(true);
          });
        }
      }
      await page.close();
    });
  }

  it('the two lists of topics stand together on one point, each outlet’s list in its own words', async () => {
    const page = await open(1280, comparisonUrl('topics-discussed'));
    const lists = await page
      .locator('main .accounts > [data-account]')
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
  it('a point only one article reports says which, and which does not', async () => {
    const page = await open(1280, sourcesOnlyInUrl('los-angeles-times-petro-and-trump-make-peace'));
    await expect(page.locator('#trump-fantastic .kind').textContent()).resolves.toBe(
      'Only Los Angeles Times reports it; Clash Report does not.',
    );
    await page.close();
  });

  it('a difference with sides says which article stands on which', async () => {
    const page = await open(1280, comparisonUrl('meeting-length'));
    await expect(page.locator('main .kind').textContent()).resolves.toBe(
      'They differ in precision: Los Angeles Times (unhedged) against Clash Report (hedged).',
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
    it(`/sources/${from}/ leads to /sources/${to}/, and /sources/#${from} to the point #${to}`, async () => {
      const page = await open(1280, comparisonUrl(from));
      await page.waitForURL(`${baseUrl}${comparisonUrl(to)}`);
      await page.goto(`${baseUrl}${sourcesUrl()}#${from}`);
      await expect(page.locator(`[id="${from}"]`).getAttribute('data-alias-of')).resolves.toBe(to);
      await expect(
        page.locator(`[id="${from}"] + [id="${to}"], [id="${to}"]:has(> [id="${from}"])`).count(),
      ).resolves.toBe(1);
      await page.close();
    });
  }

  it('/sources/#group-both lands on the group every source reports alike', async () => {
    const page = await open(1280, `${sourcesUrl()}#group-both`);
    await expect(page.locator('[id="group-both"]').getAttribute('data-alias-of')).resolves.toBe('group-all');
    await page.close();
  });
});

describe('every point, in the built pages', () => {
  const articles = [...model.articles.keys()];
  const placeOf = (point: (typeof comparisons)[number]): string => {
    const reporting = point.accounts.map((account) => account.article);
    return point.agreement === 'agree' && reporting.length === 1 && articles.length > 1
      ? sourcesOnlyInUrl(reporting[0]!)
      : sourcesUrl();
  };

  it('its page sets out one account per reporting article, in [data-account][data-article] inside .accounts', () => {
    for (const point of comparisons) {
      const shown = selectAll('.accounts > [data-account][data-article]', pageTree(comparisonUrl(point.id))).map(
        (element) => String(element.properties['dataArticle']),
      );
      expect([...shown].sort(), point.id).toEqual(point.accounts.map((account) => account.article).sort());
    }
  });

  it('it has its place in the full comparison: only-one points on their article’s page, the others on /sources/, each linking to its page', () => {
    for (const point of comparisons) {
      const entry = select(`li[id="${point.id}"]`, pageTree(placeOf(point)));
      expect(entry, `${point.id} on ${placeOf(point)}`).toBeTruthy();
      expect(select(`a[href="${comparisonUrl(point.id)}"]`, entry!), point.id).toBeTruthy();
    }
  });
});
