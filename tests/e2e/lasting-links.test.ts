import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAliasAnchor, redirectPageHtml } from '../../src/lib/links/addresses.ts';
import {
  articleUrl,
  encodeTextFragment,
  issuesUrl,
  meetingUrl,
  peopleUrl,
  personUrl,
  quotationsUrl,
  sourcesUrl,
  timelineUrl,
} from '../../src/lib/links/urls.ts';
import { baseUrl, builtPages, distDir, launchBrowser, watchErrors } from '../helpers/browser.ts';

// "Link to this", landing on a shared link, and the alias anchors and redirect pages of the address
// guard, in Chromium. Copied links are the reader's own address: the test server's origin (127.0.0.1 at
// E2E_PORT), not the configured site's (canonical URLs, localhost:4321 unless SITE_URL is set).
const site = process.env['SITE_URL'] ?? 'http://localhost:4321';
const articlePath = articleUrl('los-angeles-times-petro-and-trump-make-peace');
const paragraph = 'come-get-me';
const words = 'Come get me';
/** A part of the timeline (/timeline/ itself is an overview that links each event to its part). */
const timelinePart =
  builtPages().find((path) => path.startsWith(timelineUrl()) && path !== timelineUrl()) ?? timelineUrl();

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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Where the target is, whether it is marked and focused, and the bottom of any header fixed over the page. */
const landing = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  const covered = [...document.querySelectorAll('body *')]
    .filter(
      (node) =>
        ['fixed', 'sticky'].includes(getComputedStyle(node).position) &&
        node.getBoundingClientRect().top <= 0 &&
        node.textContent !== '',
    )
    .reduce((bottom, node) => Math.max(bottom, node.getBoundingClientRect().bottom), 0);
  const marked = element.matches(':target') || element.querySelector(':scope > [data-alias-of]:target') !== null;
  return {
    top: element.getBoundingClientRect().top,
    bottom: element.getBoundingClientRect().bottom,
    viewport: innerHeight,
    covered,
    marked,
    background: getComputedStyle(element).backgroundColor,
    focused: document.activeElement === element,
  };
};

describe('"link to this"', () => {
  it('copies the paragraph’s address at the origin the page is served from, and shows it in the notice', async () => {
    expect(new URL(baseUrl).origin).not.toBe(new URL(site).origin);
    const { context, page, errors } = await open();
    await page.goto(baseUrl + articlePath);
    const control = page.locator(`#${paragraph} .link-to-this`);
    await expect(control.getAttribute('href')).resolves.toBe(`#${paragraph}`);
    await expect(control.getAttribute('aria-label')).resolves.toMatch(/^Link to paragraph \d+$/);
    await control.click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      `${baseUrl}${articlePath}#${paragraph}`,
    );
    const status = page.getByRole('status');
    await expect(status.textContent()).resolves.toBe(`Link copied: ${baseUrl}${articlePath}#${paragraph}`);
    await expect(status.isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).hash).toBe(`#${paragraph}`);
    await expect(page.locator(`#${paragraph}`).evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is a visible 24px target in the tab order, and works from the keyboard, keeping focus on itself', async () => {
    const { context, page } = await open();
    await page.goto(baseUrl + articlePath);
    const control = page.locator(`#${paragraph} .link-to-this`);
    const box = await control.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeGreaterThanOrEqual(24);
    await expect(control.evaluate((element) => (element as HTMLElement).tabIndex)).resolves.toBe(0);
    // Tab from the link before the control reaches the control next.
    await control.evaluate((element) => {
      const links = [...document.querySelectorAll<HTMLElement>('a[href]')];
      links[links.indexOf(element as HTMLElement) - 1]?.focus();
    });
    await page.keyboard.press('Tab');
    await expect(control.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      `${baseUrl}${articlePath}#${paragraph}`,
    );
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      `Link copied: ${baseUrl}${articlePath}#${paragraph}`,
    );
    await expect(control.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await context.close();
  });

  for (const [path, selector] of [
    [timelinePart, '.timeline > li'],
    [issuesUrl(), '.cards > li'],
    [peopleUrl(), '.people > li'],
    [personUrl('donald-trump'), 'figure.quote[id]'],
    [sourcesUrl(), '.points > li'],
    [meetingUrl(), '.line'],
    [meetingUrl(), 'section h2'],
    ['/', '.sections > li'],
  ] as const) {
    it(`copies the address of a block on ${path} (${selector})`, async () => {
      const { context, page } = await open();
      await page.goto(baseUrl + path);
      const block = page.locator(selector).nth(1);
      const id = await block.getAttribute('id');
      expect(id).toBeTruthy();
      await block.locator(`.link-to-this[href="#${id}"]`).click();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${baseUrl}${path}#${id}`);
      await context.close();
    });
  }

  it('copies, on the quotations pages, a quotation’s address in its home: its entry on its speaker’s page', async () => {
    const { context, page } = await open();
    await page.goto(baseUrl + quotationsUrl());
    const block = page.locator('figure.quote[id]').nth(1);
    const id = (await block.getAttribute('id')) ?? '';
    const speaker = (await block.locator('figcaption a[href^="/people/"]').first().getAttribute('href')) ?? '';
    expect(speaker).toMatch(/^\/people\/[a-z0-9-]+\/$/);
    await block.locator('.link-to-this').click();
    // The control is also the link there: it copies, then goes to the entry on the speaker's page, marked. The
    // clipboard is read once there (read during the navigation, the page's context could be torn down under it).
    await page.waitForURL(`${baseUrl}${speaker}#${id}`);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${baseUrl}${speaker}#${id}`);
    await expect(page.locator(`[id="${id}"]`).evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    await context.close();
  });

  it('without JavaScript is a plain link to the fragment', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(baseUrl + timelinePart);
    const block = page.locator('.timeline > li').nth(3);
    const id = await block.getAttribute('id');
    await block.locator('.link-to-this').click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    await expect(page.locator(`#${id}`).evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    // The live region is in the page from the start (announced more reliably than one added with its text);
    // without JavaScript nothing ever writes to it.
    await expect(page.locator('[role="status"]').allTextContents()).resolves.toEqual(['']);
    await context.close();
  });
});

describe('landing on a shared link', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`scrolls a paragraph link's target into view at once, below any fixed header, marked and focused (${viewport.width}px)`, async () => {
      const { context, page } = await open({ viewport });
      await page.goto(`${baseUrl}${articlePath}#${paragraph}`);
      const where = await page.evaluate(landing, paragraph);
      expect(where.marked).toBe(true);
      expect(where.focused).toBe(true);
      expect(where.top).toBeGreaterThanOrEqual(where.covered);
      expect(where.top).toBeLessThan(where.viewport / 3);
      expect(where.background).not.toBe('rgba(0, 0, 0, 0)');
      await context.close();
    });
  }

  it('lands on the words of a text-fragment link, in view and marked', async () => {
    const { context, page } = await open({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}${articlePath}#${paragraph}:~:text=${encodeTextFragment(words)}`);
    // Chromium looks for the words after the page has loaded, then scrolls and sets the target.
    await page.waitForFunction((id) => document.getElementById(id)?.matches(':target'), paragraph);
    const where = await page.evaluate(landing, paragraph);
    expect(where.marked).toBe(true);
    expect(where.top).toBeGreaterThanOrEqual(where.covered);
    expect(where.bottom).toBeLessThanOrEqual(where.viewport);
    const wordsTop = await page.evaluate(
      ({ id, text }) => {
        const node = [...(document.getElementById(id)?.childNodes ?? [])].find((child) =>
          child.textContent?.includes(text),
        );
        const range = document.createRange();
        const start = node?.textContent?.indexOf(text) ?? -1;
        if (!node || start < 0) throw new Error('words not found');
        range.setStart(node, start);
        range.setEnd(node, start + text.length);
        return range.getBoundingClientRect().top;
      },
      { id: paragraph, text: words },
    );
    expect(wordsTop).toBeGreaterThanOrEqual(where.covered);
    expect(wordsTop).toBeLessThan(where.viewport);
    const highlight = await page.evaluate(() => {
      const rule = [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules])
        .find((candidate) => candidate.cssText.startsWith('::target-text'));
      return rule?.cssText ?? '';
    });
    expect(highlight).toContain('background');
    await context.close();
  });

  it('never animates the jump on arrival, nor any scroll for readers who ask for reduced motion', async () => {
    for (const [reducedMotion, expected] of [
      ['reduce', 'auto'],
      ['no-preference', 'smooth'],
    ] as const) {
      const { context, page } = await open({ reducedMotion });
      await page.goto(`${baseUrl}${articlePath}#${paragraph}`);
      await expect(page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).resolves.toBe(
        'auto',
      );
      await page.keyboard.press('Shift');
      await expect(page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).resolves.toBe(
        expected,
      );
      await context.close();
    }
  });
});

describe('aliases keep old addresses working', () => {
  it('an old fragment id lands on, marks and focuses the block that replaced it', async () => {
    const { context, page, errors } = await open({ viewport: { width: 390, height: 844 } });
    const html = insertAliasAnchor(
      readFileSync(join(distDir, 'articles', 'los-angeles-times-petro-and-trump-make-peace', 'index.html'), 'utf8'),
      'old-id',
      paragraph,
    );
    await page.route(`${baseUrl}/aliased/`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: html ?? '' }),
    );
    await page.goto(`${baseUrl}/aliased/#old-id`);
    const where = await page.evaluate(landing, paragraph);
    expect(where.marked).toBe(true);
    expect(where.focused).toBe(true);
    expect(where.top).toBeGreaterThanOrEqual(0);
    expect(where.top).toBeLessThan(where.viewport / 3);
    expect(where.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an old page redirects to its new address, keeping the fragment, with no CSP error', async () => {
    const { context, page, errors } = await open();
    const html = redirectPageHtml({ to: articlePath, canonical: `${site}${articlePath}`, siteName: 'Site' });
    await page.route(`${baseUrl}/moved/`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: html }),
    );
    await page.goto(`${baseUrl}/moved/#${paragraph}`);
    await page.waitForURL(`${baseUrl}${articlePath}#${paragraph}`);
    await expect(page.locator(`#${paragraph}`).evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('items live in homes: their old addresses land on the entry', () => {
  // The pages the first edition gave every event, quotation and comparison point, each now a redirect
  // written by the address guard, and a fragment of /sources/ whose entry moved to its page 2.
  for (const [from, to] of [
    ['/events/jan-7-call/', '/timeline/2026-january/#jan-7-call'],
    // The meeting's day is whole on February's second page (the redirect names its home now).
    ['/events/white-house-meeting/#quotations-heading', '/timeline/2026-february-2/#white-house-meeting'],
    ['/timeline/2026-february/#white-house-meeting', '/timeline/2026-february-2/#white-house-meeting'],
    ['/quotations/come-get-me/', '/people/gustavo-petro/#come-get-me'],
    ['/sources/meeting-length/#main', '/sources/#meeting-length'],
    ['/sources/meeting-held/', '/sources/page/2/#meeting-held'],
    ['/sources/#meeting-held', '/sources/page/2/#meeting-held'],
    ['/quotations/#speaker-gustavo-petro', '/people/gustavo-petro/#quotations'],
    // The corrections log went into pages by day: its entries and days published on /corrections/ are on them.
    ['/corrections/#aid-halt-not-reversed', '/corrections/page/2/#aid-halt-not-reversed'],
    ['/corrections/#changes-2026-11-22', '/corrections/page/1/#changes-2026-11-22'],
    // The articles index went into pages from the oldest: the entries published on /articles/ are on its first page.
    ['/articles/#clash-report-trump-meets-petro', '/articles/page/1/#clash-report-trump-meets-petro'],
    // What cites an article moved from its foot to a page of its own; the paragraph's "Cited by" link holds the old id.
    [
      '/articles/los-angeles-times-petro-and-trump-make-peace/#cited-by-come-get-me',
      '/articles/los-angeles-times-petro-and-trump-make-peace/cited-by/#cited-by-come-get-me',
    ],
  ] as const) {
    it(`${from} lands on ${to}, marked and focused, with no CSP error`, async () => {
      const { context, page, errors } = await open({ viewport: { width: 390, height: 844 } });
      await page.goto(baseUrl + from);
      await page.waitForURL(baseUrl + to);
      const id = to.split('#')[1] ?? '';
      await page.waitForFunction((target) => document.activeElement?.id === target, id);
      const where = await page.evaluate(landing, id);
      expect(where.marked).toBe(true);
      expect(where.top).toBeGreaterThanOrEqual(where.covered);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('without JavaScript an old item page still leads to the entry (meta refresh), and a moved entry’s old fragment is a link to it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/events/jan-7-call/`);
    await page.waitForURL(`${baseUrl}/timeline/2026-january/#jan-7-call`);
    await page.goto(`${baseUrl}/sources/#meeting-held`);
    await expect(page.locator('#meeting-held').getAttribute('href')).resolves.toBe('/sources/page/2/#meeting-held');
    await expect(page.locator('#meeting-held').evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    // The old address of what cites a paragraph lands on the paragraph's "Cited by" link, in the paragraph.
    const article = '/articles/los-angeles-times-petro-and-trump-make-peace/';
    await page.goto(`${baseUrl}${article}#cited-by-come-get-me`);
    const link = page.locator('#come-get-me > a#cited-by-come-get-me');
    await expect(link.getAttribute('href')).resolves.toBe(`${article}cited-by/#cited-by-come-get-me`);
    await expect(link.evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    await context.close();
  });

  it('without JavaScript an old fragment of the corrections log is a link to the entry on its page, shown alone of its list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/corrections/#dates-at-source-precision`);
    const link = page.locator('#dates-at-source-precision');
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/corrections\/page\/\d+\/#dates-at-source-precision$/);
    await expect(link.evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    const box = await link.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    // The list of such links is the page's means of keeping old addresses, not reading: the others stay hidden.
    await expect(page.locator('.moved-links li:visible').count()).resolves.toBe(1);
    await page.goto(`${baseUrl}/corrections/`);
    await expect(page.locator('.moved-links').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
