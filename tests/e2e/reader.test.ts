import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleUrl,
  homeUrl,
  meetingUrl,
  SEARCH_QUERY_PARAM,
  searchQueryUrl,
  searchUrl,
  timelineUrl,
} from '../../src/lib/links/urls.ts';
import { siteNavigation } from '../../src/lib/links/navigation.ts';
import { baseUrl, distDir, launchBrowser, watchErrors } from '../helpers/browser.ts';

// What a reader expects of a reference site, in Chromium: search (Pagefind, under the page's CSP),
// the theme control (remembered, applied before the first paint), print, the 404 page, and the
// tables of contents on long pages.

const articlePath = articleUrl('los-angeles-times-petro-and-trump-make-peace');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** The results the search page shows: each page's link, and the links to the blocks that matched in it. */
const shownResults = () =>
  [...document.querySelectorAll('[data-search-results] > li')].map((item) => ({
    page: item.querySelector('h2 a')?.getAttribute('href') ?? '',
    blocks: [...item.querySelectorAll('.search-blocks a')].map((link) => ({
      href: link.getAttribute('href') ?? '',
      text: link.textContent ?? '',
    })),
  }));

describe('search', () => {
  it('a query in the address finds the article paragraph, and its link lands on that paragraph', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${baseUrl}${searchQueryUrl('ballcaps')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] > li').length > 0);
    const status = await page.locator('[data-search-status]').textContent();
    expect(status).toMatch(/^\d+ pages match “ballcaps”/);
    const results = await page.evaluate(shownResults);
    const article = results.find((result) => result.page === articlePath);
    expect(article?.blocks).toContainEqual({ href: `${articlePath}#red-ballcap`, text: '¶26' });
    await page.locator(`a[href="${articlePath}#red-ballcap"]`).click();
    await page.waitForURL(`${baseUrl}${articlePath}#red-ballcap`);
    const target = await page.evaluate(() => {
      const element = document.querySelector(':target');
      const box = element?.getBoundingClientRect();
      return {
        id: element?.id,
        text: element?.textContent ?? '',
        inView: !!box && box.top >= 0 && box.bottom <= innerHeight,
      };
    });
    expect(target).toMatchObject({ id: 'red-ballcap', inView: true });
    expect(target.text).toContain('red ballcaps');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works from the keyboard: type in the field, Tab to a result, Enter follows it; the address keeps the query', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${baseUrl}${searchUrl()}`);
    await page.locator('form[data-search] input[type="search"]').focus();
    await page.keyboard.type('Idárraga');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /match/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    expect(new URL(page.url()).searchParams.get(SEARCH_QUERY_PARAM)).toBe('Idárraga');
    const results = await page.evaluate(shownResults);
    // The event is found in its timeline entry (its own page is left out of the index: the entry there
    // is the same text), as a sub-result at the entry's address.
    expect(results.flatMap((result) => result.blocks.map((block) => block.href))).toContain(
      '/timeline/2026-february/#idarraga-extradition-record',
    );
    expect(results.map((result) => result.page)).not.toContain('/events/idarraga-extradition-record/');
    // The status is a live region, so the count is announced; results are plain links in a list.
    await expect(page.locator('[data-search-status]').getAttribute('role')).resolves.toBe('status');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe(results[0]?.page);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}${results[0]?.page}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Items live in homes: the index holds the homes, and a result lands on the entry.
  for (const [query, entry] of [
    ['obey the orders of humanity', '/people/gustavo-petro/#obey-humanity'],
    ['letting reporters into the Oval Office', '/sources/page/2/#closed-to-press'],
  ] as const) {
    it(`finds “${query}” at its entry in its home, ${entry}, and not on a page that only repeats it`, async () => {
      const { context, page, errors } = await open();
      await page.goto(`${baseUrl}${searchUrl()}?${SEARCH_QUERY_PARAM}=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => /match/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      const results = await page.evaluate(shownResults);
      expect(results.flatMap((result) => result.blocks.map((block) => block.href))).toContain(entry);
      // The quotations pages list every quotation too, but are not indexed: their entries' address is elsewhere.
      expect(results.map((result) => result.page).filter((path) => path.startsWith('/quotations/'))).toEqual([]);
      await page.locator(`a[href="${entry}"]`).first().click();
      await page.waitForURL(`${baseUrl}${entry}`);
      await expect(page.locator(':target').getAttribute('id')).resolves.toBe(entry.split('#')[1]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('says so when nothing matches', async () => {
    const { context, page } = await open();
    await page.goto(`${baseUrl}${searchQueryUrl('zzqxv')}`);
    await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain('Nothing matches “zzqxv”');
    await expect(page.locator('[data-search-results] > li').count()).resolves.toBe(0);
    await context.close();
  });

  it('the header form of every other page sends its query to the search page', async () => {
    const { context, page } = await open();
    await page.goto(`${baseUrl}${meetingUrl()}`);
    await page.locator('.site-header input[type="search"]').fill('Oval Office');
    await page.locator('.site-header input[type="search"]').press('Enter');
    await page.waitForURL(`${baseUrl}${searchUrl()}?${SEARCH_QUERY_PARAM}=Oval+Office`);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] > li').length > 0);
    await expect(page.locator('form[data-search] input[type="search"]').inputValue()).resolves.toBe('Oval Office');
    await context.close();
  });

  it('without JavaScript, the search page says that it needs it and links to every section', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}${searchQueryUrl('ballcaps')}`);
    await expect(page.locator('.no-script').textContent()).resolves.toContain('Searching needs JavaScript');
    const links = await page
      .locator('.browse li a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(siteNavigation.map((item) => item.href));
    await context.close();
  });

  it("Pagefind's bundle is loaded by the search page only", () => {
    const other = readFileSync(join(distDir, meetingUrl().slice(1), 'index.html'), 'utf8');
    const search = readFileSync(join(distDir, searchUrl().slice(1), 'index.html'), 'utf8');
    expect(search).toContain('data-bundle="/pagefind/pagefind.js"');
    expect(other).not.toContain('pagefind.js');
    expect(other).not.toContain('wasm-unsafe-eval');
  });
});

/** Records, at the first animation frame (before the first paint), the theme and the page's background. */
const FIRST_FRAME = `requestAnimationFrame(() => {
  window.__firstFrame = {
    theme: document.documentElement.getAttribute('data-theme'),
    background: document.body ? getComputedStyle(document.body).backgroundColor : null,
  };
});`;
const DARK_BG = 'rgb(20, 21, 23)';
const LIGHT_BG = 'rgb(253, 252, 250)';

describe('theme', () => {
  it('follows the system scheme until the reader chooses; the choice persists across pages from the first paint', async () => {
    const { context, page, errors } = await open({ colorScheme: 'light' });
    await context.addInitScript({ content: FIRST_FRAME });
    await page.goto(`${baseUrl}${homeUrl()}`);
    const firstFrame = () => page.evaluate(() => (window as unknown as { __firstFrame: unknown }).__firstFrame);
    await page.waitForFunction(() => 'firstFrame' in window || '__firstFrame' in window);
    expect(await firstFrame()).toEqual({ theme: null, background: LIGHT_BG });
    const control = page.locator('[data-theme-control] select');
    await expect(control.isVisible()).resolves.toBe(true);
    await control.selectOption('dark');
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(DARK_BG);
    // Another page, in a light system: dark from the very first frame, and the control says so.
    await page.goto(`${baseUrl}${timelineUrl()}`);
    await page.waitForFunction(() => '__firstFrame' in window);
    expect(await firstFrame()).toEqual({ theme: 'dark', background: DARK_BG });
    await expect(control.inputValue()).resolves.toBe('dark');
    // Back to the system's choice, remembered too.
    await control.selectOption('system');
    await page.goto(`${baseUrl}${meetingUrl()}`);
    await page.waitForFunction(() => '__firstFrame' in window);
    expect(await firstFrame()).toEqual({ theme: null, background: LIGHT_BG });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a light choice holds in a dark system', async () => {
    const { context, page } = await open({ colorScheme: 'dark' });
    await page.goto(`${baseUrl}${homeUrl()}`);
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(DARK_BG);
    await page.locator('[data-theme-control] select').selectOption('light');
    await page.reload();
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(LIGHT_BG);
    await context.close();
  });

  it('without JavaScript the control is not offered (it could do nothing) and the system scheme applies', async () => {
    const { context, page } = await open({ javaScriptEnabled: false, colorScheme: 'dark' });
    await page.goto(`${baseUrl}${homeUrl()}`);
    await expect(page.locator('[data-theme-control]').isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(DARK_BG);
    await context.close();
  });
});

describe('print', () => {
  it('hides the controls, prints citations as full addresses and keeps quotations on one page, in light colours', async () => {
    const { context, page } = await open({ colorScheme: 'dark' });
    await page.goto(`${baseUrl}${meetingUrl()}`);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const hidden = (selector: string) =>
        [...document.querySelectorAll(selector)].every((element) => !element.checkVisibility());
      const citation = document.querySelector<HTMLAnchorElement>('a.citation');
      const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '';
      return {
        controls: [
          '.skip-link',
          '.link-to-this',
          '.site-header nav',
          '.site-header form',
          '[data-theme-control]',
          '.toc',
        ].filter((selector) => document.querySelector(selector) === null || !hidden(selector)),
        citation: citation ? getComputedStyle(citation, '::after').content : '',
        href: citation?.getAttribute('href') ?? '',
        origin: new URL(canonical).origin,
        quotation: getComputedStyle(document.querySelector('figure.quote') as Element).breakInside,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(printed.controls).toEqual([]);
    // With SITE_URL, the full address; a build without it (this one, unless set) prints the path: a local origin on paper leads nowhere.
    const origin = process.env['SITE_URL'] ? printed.origin : '';
    expect(printed.citation).toBe(`" <${origin}${printed.href}>"`);
    expect(printed.quotation).toBe('avoid');
    expect(printed.background).toBe('rgb(255, 255, 255)');
    // On screen the same controls show.
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.site-header nav').isVisible()).resolves.toBe(true);
    await expect(page.locator('.link-to-this').first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('the 404 page', () => {
  it('answers an unknown address with status 404 and helps the reader on: search and the main sections', async () => {
    const { context, page, errors } = await open();
    const response = await page.goto(`${baseUrl}/no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining([homeUrl(), ...siteNavigation.map((item) => item.href)]));
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    await expect(page.locator('link[rel="canonical"]').count()).resolves.toBe(0);
    await page.locator('main input[type="search"]').fill('visa');
    await page.locator('main input[type="search"]').press('Enter');
    await page.waitForURL(`${baseUrl}${searchQueryUrl('visa')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] > li').length > 0);
    expect(errors.filter((error) => !/404/.test(error))).toEqual([]);
    await context.close();
  });
});

describe('table of contents', () => {
  it('on a wide screen, long pages list their sections in the right-hand margin, shown; a phone has them one tap away', async () => {
    const { context, page } = await open();
    for (const path of [
      meetingUrl(),
      articleUrl('clash-report-trump-meets-petro'),
      '/issues/drugs-and-counternarcotics/',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      const toc = await page.evaluate(() => {
        const nav = document.querySelector('nav.toc');
        const body = document.querySelector('.page-body');
        const links = [...(nav?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href') ?? '');
        return {
          label: nav?.getAttribute('aria-label'),
          links,
          resolved: links.every((href) => document.getElementById(href.slice(1))?.tagName === 'H2'),
          right: (nav?.getBoundingClientRect().left ?? 0) > (body?.getBoundingClientRect().right ?? Infinity),
          shown: [...(nav?.querySelectorAll('a') ?? [])].every((a) => a.checkVisibility()),
        };
      });
      expect(toc.label).toBe('On this page');
      expect(toc.links.length).toBeGreaterThan(2);
      expect(toc.resolved).toBe(true);
      expect(toc.right).toBe(true);
      expect(toc.shown).toBe(true);
    }
    // On a phone: a closed disclosure at the top of the content (tests/e2e/reading-issue-17.test.ts opens it).
    await page.setViewportSize({ width: 390, height: 800 });
    await expect(page.locator('nav.toc summary').isVisible()).resolves.toBe(true);
    await expect(page.locator('nav.toc a').first().isVisible()).resolves.toBe(false);
    await context.close();
  });
});
