import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtHtml } from '../quality/dist.ts';
import {
  articlesPageUrl,
  articlesUrl,
  indexPageUrl,
  meetingUrl,
  sourcesOnlyInUrl,
  sourcesUrl,
} from '../../src/lib/links/urls.ts';
import { baseUrl, launchBrowser, watchErrors } from '../helpers/browser.ts';

// What a second fresh reader still met (issue 17, beyond the timeline), in the real build and in Chromium: the
// counts of /sources/ following its filters, citation chips and outlets in one order on every page, every search
// result named by its kind from the home page's search, a way back to the top deep in a long page on a phone, and
// entries that moved from a page kept out of the reader's way yet still landing without JavaScript.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(
  width: number,
  options: { javaScriptEnabled?: boolean; axe?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  if (options.axe) await context.addInitScript({ content: axe.source });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

const pages = builtHtml();
const byUrl = new Map(pages.map((page) => [page.url, page.html]));
const decode = (text: string): string =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** The site's one outlet order: the outlet cards of /sources/, as article ids and outlet names. */
const cards = [...byUrl.get(sourcesUrl())!.matchAll(/<div class="outlet" id="source-([^"]+)"><h3>([^<]+?) </g)].map(
  (match) => ({ article: match[1]!, outlet: decode(match[2]!) }),
);
const rankOf = new Map(cards.map((card, at) => [card.article, at]));
const outletRank = new Map(cards.map((card, at) => [card.outlet, at]));

/** Where each block of each article stands on its page (the order of the ids). */
const placeOf = new Map<string, number>();
for (const { article } of cards) {
  const html = byUrl.get(`${articlesUrl()}${article}/`)!;
  for (const [at, match] of [...html.matchAll(/ id="([^"]+)"/g)].entries())
    if (!placeOf.has(`${article}#${match[1]}`)) placeOf.set(`${article}#${match[1]}`, at);
}

describe('citation chips', () => {
  it('run in one order on every page: outlets in the site’s order, then paragraphs ascending, none twice', () => {
    expect(cards.length).toBeGreaterThan(1);
    const problems: string[] = [];
    let runs = 0;
    for (const { url, html } of pages) {
      for (const run of html.matchAll(/<span class="citations">([^]*?)<\/span>/g)) {
        const chips = [
          ...run[1]!.matchAll(/<a class="citation" href="\/articles\/([^/]+)\/#([^"#:]+)[^"]*">([^<]*)<\/a>/g),
        ];
        if (chips.length < 2) continue;
        runs += 1;
        const keys = chips.map((chip) => {
          const place = placeOf.get(`${chip[1]}#${chip[2]}`);
          if (place === undefined) problems.push(`${url}: ${chip[3]} names no block of its article`);
          return (rankOf.get(chip[1]!) ?? 99) * 1e6 + (place ?? 0);
        });
        for (let at = 1; at < keys.length; at += 1)
          if (keys[at]! <= keys[at - 1]!) problems.push(`${url}: ${chips.map((chip) => decode(chip[3]!)).join(' | ')}`);
      }
    }
    expect(runs).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});

describe('the outlets in one order on every page', () => {
  const inOrder = (names: string[]): boolean =>
    names.every((name, at) => at === 0 || outletRank.get(name)! >= outletRank.get(names[at - 1]!)!);

  it('the articles index and the list of points only one reports follow the outlet cards', () => {
    // The articles' entries are on the pages of the articles, from the oldest; the real site's fit on the first.
    const listed = [...byUrl.get(articlesPageUrl(1))!.matchAll(/<p class="eyebrow[^"]*">([^<]+)<\/p><h2/g)].map(
      (match) => decode(match[1]!),
    );
    expect(listed).toEqual(cards.map((card) => card.outlet));
    // Each as a sentence names it ("Only in the Los Angeles Times": the outlet's nameInText).
    const only = [...byUrl.get(sourcesUrl())!.matchAll(/data-filter-carry>Only in ([^<]+)<\/a>/g)].map((match) =>
      decode(match[1]!).replace(/^the /, ''),
    );
    expect(only).toEqual(cards.map((card) => card.outlet));
  });

  it('every comparison’s accounts, every chip run and every outlet filter, on every page', () => {
    const problems: string[] = [];
    let accounts = 0;
    let selects = 0;
    for (const { url, html } of pages) {
      for (const block of html.matchAll(/<div class="accounts"[^>]*>([^]*?)<\/div><\/div>(?!<div class="account")/g)) {
        const names = [...block[1]!.matchAll(/<p class="outlet">([^<]+)/g)].map((match) => decode(match[1]!));
        accounts += 1;
        if (!inOrder(names)) problems.push(`${url}: accounts ${names.join(', ')}`);
      }
      for (const run of html.matchAll(/<span class="citations">([^]*?)<\/span>/g)) {
        const names = [...run[1]!.matchAll(/<a class="citation" href="\/articles\/([^/]+)\//g)].map(
          (match) => cards[rankOf.get(match[1]!)!]!.outlet,
        );
        if (!inOrder(names)) problems.push(`${url}: chips ${names.join(', ')}`);
      }
      const select = /<select name="outlet">([^]*?)<\/select>/.exec(html);
      if (select) {
        selects += 1;
        const names = [...select[1]!.matchAll(/<option value="[^"]+">([^<]+)/g)].map((match) => decode(match[1]!));
        if (!inOrder(names)) problems.push(`${url}: outlet filter ${names.join(', ')}`);
      }
    }
    expect(accounts).toBeGreaterThan(10);
    expect(selects).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('/sources/: counts that follow the filter, on every page of it', () => {
  it('counts the points only one outlet reports as their own pages show them, and their sum', async () => {
    const { context, page, errors } = await open(1280);
    // What each outlet's page of points only it reports holds: each point's issues.
    const onlyPages = cards.map((card) => sourcesOnlyInUrl(card.article));
    const issuesOn = new Map<string, string[][]>();
    for (const path of onlyPages) {
      await page.goto(baseUrl + path);
      issuesOn.set(
        path,
        await page
          .locator('[data-issues]')
          .evaluateAll((entries) => entries.map((entry) => (entry.getAttribute('data-issues') ?? '').split(' '))),
      );
    }
    await page.goto(baseUrl + sourcesUrl());
    const tallies = page.locator('[data-tally]');
    // The heading's sum (the contents repeat it: tests/e2e/sources-counts.test.ts).
    const sum = page.locator('main h2 [data-sum]');
    const totals = onlyPages.map((path) => issuesOn.get(path)!.length);
    await expect(tallies.allTextContents()).resolves.toEqual(totals.map(String));
    const options = await page
      .locator('form.filters select[name="issue"] option')
      .evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(2);
    let someZero = false;
    for (const issue of options) {
      await page.selectOption('form.filters select[name="issue"]', issue);
      const expected = onlyPages.map((path) => issuesOn.get(path)!.filter((issues) => issues.includes(issue)).length);
      someZero ||= expected.includes(0);
      await expect(tallies.allTextContents()).resolves.toEqual(
        expected.map((count, at) => `${count} of ${totals[at]}`),
      );
      await expect(sum.textContent()).resolves.toBe(
        `${expected.reduce((a, b) => a + b, 0)} of ${totals.reduce((a, b) => a + b, 0)}`,
      );
      // The headings' counts of this page's own groups follow too.
      for (const group of await page.locator('section[data-filter-group]:not([hidden])').all()) {
        const shown = await group.locator('[data-issues]:not([hidden])').count();
        await expect(group.locator('[data-filter-count]').first().textContent()).resolves.toMatch(
          new RegExp(`^${shown} of \\d+ on this page$`),
        );
      }
    }
    expect(someZero).toBe(true);
    // A filtered address shows the same counts on arrival; Show all puts every count back as built.
    await page.goto(`${baseUrl}${sourcesUrl()}?issue=${options[0]}`);
    await expect(sum.textContent()).resolves.toMatch(/^\d+ of \d+$/);
    await page.locator('form.filters button[type="reset"]').click();
    await expect(tallies.allTextContents()).resolves.toEqual(totals.map(String));
    await expect(sum.textContent()).resolves.toBe(String(totals.reduce((a, b) => a + b, 0)));
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every page of /sources/ offers Show all and says what to do when nothing matches (no choice offered there matches nothing)', async () => {
    const { context, page, errors } = await open(1280);
    const paths = [
      sourcesUrl(),
      ...pages
        .map((built) => built.url)
        .filter((url) => url.startsWith(indexPageUrl(sourcesUrl(), 2).replace('2/', ''))),
      ...cards.map((card) => sourcesOnlyInUrl(card.article)),
    ];
    expect(paths.length).toBeGreaterThan(3);
    let empty = 0;
    for (const path of paths) {
      await page.goto(baseUrl + path);
      const form = page.locator('form.filters');
      if ((await form.count()) === 0) continue;
      await expect(form.locator('button[type="reset"]').textContent()).resolves.toBe('Show all');
      // Every combination of the form's choices: when none of the page's entries shows, the form says what to do.
      const messages = await page.evaluate(() => {
        const filters = document.querySelector<HTMLFormElement>('form.filters')!;
        const selects = [...filters.querySelectorAll('select')];
        const combinations = selects.reduce<string[][]>(
          (sofar, select) => sofar.flatMap((chosen) => [...select.options].map((option) => [...chosen, option.value])),
          [[]],
        );
        const found: string[] = [];
        for (const values of combinations) {
          selects.forEach((select, at) => (select.value = values[at]!));
          filters.dispatchEvent(new Event('change'));
          if (values.some(Boolean) && !document.querySelector('[data-issues]:not([hidden])'))
            found.push(filters.querySelector('output')?.textContent ?? '');
        }
        return found;
      });
      empty += messages.length;
      for (const message of messages) expect(message, path).toMatch(/choose others above, or Show all\.$/);
    }
    // The forms offer only choices that match something on their page (facetOptions): today every combination
    // shows an entry here, so the message is met on /quotations/ instead (tests/e2e/reading-issue-17.test.ts).
    expect(empty).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('search from the home page', () => {
  for (const width of [1280, 390]) {
    it(`names every result’s kind and page, and each matched block’s kind, at ${width} px`, async () => {
      const { context, page, errors } = await open(width);
      await page.goto(baseUrl + '/');
      const box = page.locator('header input[type="search"]');
      if (await box.isVisible()) {
        await box.fill('sanctions');
        await box.press('Enter');
      } else {
        // On a phone the header's search box gives way to its button alone, which opens the search page.
        await page.locator('header .site-search button').click();
        await page.waitForURL(/\/search\//);
        await page.locator('main input[type="search"]').fill('sanctions');
        await page.locator('main input[type="search"]').press('Enter');
      }
      await page.waitForSelector('.search-result');
      const results = await page.locator('.search-result').evaluateAll((items) =>
        items.map((item) => ({
          kind: item.querySelector('h2 .kind')?.textContent ?? '',
          title: item.querySelector('h2 a')?.textContent ?? '',
          blocks: [...item.querySelectorAll('.search-blocks > li')].map(
            (block) => block.querySelector('.kind')?.textContent ?? '',
          ),
        })),
      );
      expect(results.length).toBeGreaterThan(5);
      for (const result of results) {
        expect(result.kind, result.title).not.toBe('');
        expect(result.title).not.toBe('');
        for (const kind of result.blocks) expect(kind, result.title).not.toBe('');
      }
      const kinds = new Set(results.flatMap((result) => [result.kind, ...result.blocks]));
      for (const kind of ['Issue', 'Comparison point', 'Event']) expect([...kinds]).toContain(kind);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

// The way back to the top itself, on a phone and on a wide screen: tests/e2e/phone-reach.test.ts.
describe('“Back to the top”', () => {
  it('a short page carries no such control', async () => {
    expect(byUrl.get(sourcesUrl())).not.toContain('class="to-top"');
    expect(byUrl.get('/')).not.toContain('class="to-top"');
    expect(byUrl.get(meetingUrl())).toContain('class="to-top"');
  });
});

describe('entries that moved from a page', () => {
  const old = `${sourcesUrl()}#meeting-held`;

  it('are kept out of the way: a list at the end of the content that no reader sees unless landing on one of it', async () => {
    const { context, page, errors } = await open(1280);
    await page.goto(baseUrl + sourcesUrl());
    const moved = page.locator('main ul.moved-links');
    await expect(moved.count()).resolves.toBe(1);
    await expect(moved.locator('a[data-moved]').count()).resolves.toBeGreaterThan(1);
    await expect(moved.isVisible()).resolves.toBe(false);
    await expect(page.locator('main details.moved-links, main aside.moved-links').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with JavaScript, an old fragment goes on to the entry', async () => {
    const { context, page } = await open(390);
    await page.goto(baseUrl + old);
    await page.waitForURL(`${baseUrl}${indexPageUrl(sourcesUrl(), 2)}#meeting-held`);
    await context.close();
  });

  it('without JavaScript, an old fragment shows a visible link to the entry, alone of its list', async () => {
    const { context, page } = await open(390, { javaScriptEnabled: false });
    await page.goto(baseUrl + old);
    const link = page.locator('#meeting-held');
    await expect(link.isVisible()).resolves.toBe(true);
    await expect(page.locator('.moved-links li:visible').count()).resolves.toBe(1);
    const box = (await link.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await expect(link.getAttribute('href')).resolves.toBe(`${indexPageUrl(sourcesUrl(), 2)}#meeting-held`);
    await expect(link.textContent()).resolves.toMatch(/“.+”, now on How the sources compare, page 2$/);
    await context.close();
  });
});
