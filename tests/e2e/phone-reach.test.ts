import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleUrl, homeUrl, issueUrl, meetingUrl, personUrl, quotationsUrl } from '../../src/lib/links/urls.ts';
import { siteName, siteNavigation } from '../../src/lib/links/navigation.ts';
import { baseUrl, launchBrowser, watchErrors } from '../helpers/browser.ts';

// A reader's review of the merged site on a phone (7 December 2026), in the real build and in Chromium: the way back
// to the top covered the end of the reading column's lines; the "Cited by N" links of the article pages were 16 px
// tall; the site's sections past the phone's edge were hinted by a fade alone (now behind a "Sections" disclosure).

const articles = ['clash-report-trump-meets-petro', 'los-angeles-times-petro-and-trump-make-peace'];
const longPages = [meetingUrl(), articleUrl(articles[0]!), issueUrl('drugs-and-counternarcotics')];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(
  width: number,
  withAxe = false,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
  if (withAxe) await context.addInitScript({ content: axe.source });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** The words of main the control's box overlaps in the viewport as it stands (the lines of text, not their blocks). */
const textUnder = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const control = document.querySelector('.to-top a')!.getBoundingClientRect();
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    const covered: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '' || node.parentElement?.closest('.to-top')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const hit = [...range.getClientRects()].some(
        (rect) =>
          rect.width > 0 &&
          rect.left < control.right &&
          rect.right > control.left &&
          rect.top < control.bottom &&
          rect.bottom > control.top,
      );
      if (hit) covered.push((node.textContent ?? '').trim().slice(0, 60));
    }
    return covered;
  });

describe('“Back to the top” on a phone (390 px)', () => {
  for (const path of longPages) {
    it(`${path}: covers no text anywhere down the page, 24 px tall, at the end of the content, and leads to the top`, async () => {
      const { context, page, errors } = await open(390, true);
      await page.goto(baseUrl + path);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeGreaterThan(4 * 844);
      for (let at = 0; at < height; at += 422) {
        await page.evaluate((y) => scrollTo(0, y), at);
        await expect(textUnder(page), `${path} at ${at} px`).resolves.toEqual([]);
      }
      const control = page.locator('.to-top a');
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.width).toBeGreaterThanOrEqual(24);
      // After the content: below every block of text of main before it.
      const lowestText = await page.evaluate(() => {
        const control = document.querySelector('.to-top')!;
        return Math.max(
          ...[...document.querySelectorAll('main :is(p, li, h2, h3, blockquote)')]
            .filter((block) => block.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING)
            .filter((block) => block.getClientRects().length > 0)
            .map((block) => block.getBoundingClientRect().bottom),
        );
      });
      expect(box.y).toBeGreaterThanOrEqual(lowestText);
      // Nothing covers it where a tap lands.
      await expect(
        page.evaluate(
          ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.to-top') !== null,
          [box.x + box.width / 2, box.y + box.height / 2],
        ),
      ).resolves.toBe(true);
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`,
        );
      });
      expect(violations).toEqual([]);
      await control.click();
      await page.waitForFunction(() => scrollY === 0);
      await expect(page.locator('header .site-search button').isVisible()).resolves.toBe(true);
      const contents = (await page.locator('.toc summary').boundingBox())!;
      expect(contents.y + contents.height).toBeLessThanOrEqual(844);
      await expect(page.locator('.fragment-missing').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('“Back to the top” on a wide screen (1280 px)', () => {
  it(`${meetingUrl()}: held in view once a screen deep, in the margin, covering no text`, async () => {
    const { context, page, errors } = await open(1280);
    await page.goto(baseUrl + meetingUrl());
    const control = page.locator('.to-top a');
    const inView = async (): Promise<boolean> => {
      const box = await control.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 900;
    };
    await expect(inView()).resolves.toBe(false);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (const at of [2 * 900, height / 2, height - 900]) {
      await page.evaluate((y) => scrollTo(0, y), at);
      await expect(inView()).resolves.toBe(true);
      await expect(textUnder(page), `at ${at} px`).resolves.toEqual([]);
    }
    expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('“Cited by” links on the article pages', () => {
  for (const id of articles) {
    it(`${articleUrl(id)}: each at least 24 px tall and wide on a phone, as the citation chips are`, async () => {
      const { context, page } = await open(390);
      await page.goto(baseUrl + articleUrl(id));
      const boxes = await page
        .locator('.article-body .cited-by-link')
        .evaluateAll((links) =>
          links.map((link) => link.getBoundingClientRect()).map(({ width, height }) => ({ width, height })),
        );
      expect(boxes.length).toBeGreaterThan(5);
      for (const box of boxes) {
        expect(box.height).toBeGreaterThanOrEqual(24);
        expect(box.width).toBeGreaterThanOrEqual(24);
      }
      await context.close();
    });
  }
});

/** The site navigation's parts as they stand: the disclosure's summary and each link, where and whether shown. */
const sectionsMenu = (page: Page) =>
  page.evaluate(() => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return {
        text: element.textContent?.trim() ?? '',
        shown: element.checkVisibility(),
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
        height: rect.height,
        // Nothing covers or clips it where a tap lands.
        reached: hit === element || element.contains(hit),
        current: element.getAttribute('aria-current'),
      };
    };
    const rowOf = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
    return {
      summary: box(document.querySelector('.site-header nav summary')!),
      links: [...document.querySelectorAll('.site-header nav a')].map(box),
      open: document.querySelector('.site-header nav details')!.hasAttribute('open'),
      name: rowOf('.site-header .site-name'),
      tools: rowOf('.site-header .tools'),
      header: rowOf('.site-header'),
      scrollWidth: document.documentElement.scrollWidth,
    };
  });

describe('the site’s sections on a phone', () => {
  // Behind a disclosure, "Sections: <the current one>", on the header's second row (issue 17: at most two rows on a
  // phone); opened, every section is a link in sight, whole, where a tap reaches it (the sideways strip it replaces
  // hid Quotations, Sources and Articles past the screen's edge).
  for (const width of [320, 360, 390]) {
    it(`${width} px: closed, two rows, the current section named; opened, every section in the viewport, whole, 24 px tall, where a tap reaches it, the current one marked; axe clean; the page no wider than the screen`, async () => {
      const { context, page, errors } = await open(width, true);
      const height = 844;
      await page.goto(baseUrl + personUrl('gustavo-petro'));
      const closed = await sectionsMenu(page);
      expect(closed.open).toBe(false);
      expect(closed.summary.shown).toBe(true);
      expect(closed.summary.text).toBe('Sections: People');
      expect(closed.summary.height).toBeGreaterThanOrEqual(24);
      expect(closed.summary.reached).toBe(true);
      expect(closed.links.filter((link) => link.shown)).toEqual([]);
      // Two rows: the name with search and the theme, then the disclosure, and nothing under it.
      expect(closed.summary.top).toBeGreaterThanOrEqual(Math.max(closed.name.bottom, closed.tools.bottom));
      expect(closed.header.bottom - closed.summary.bottom).toBeLessThanOrEqual(10);
      expect(closed.scrollWidth).toBeLessThanOrEqual(width);

      await page.locator('.site-header nav summary').click();
      const opened = await sectionsMenu(page);
      expect(opened.open).toBe(true);
      expect(opened.links.map((link) => link.text)).toEqual(siteNavigation.map((item) => item.label));
      for (const link of opened.links) {
        expect(link.shown, link.text).toBe(true);
        expect(link.left, link.text).toBeGreaterThanOrEqual(0);
        expect(link.right, link.text).toBeLessThanOrEqual(width);
        expect(link.top, link.text).toBeGreaterThanOrEqual(0);
        expect(link.bottom, link.text).toBeLessThanOrEqual(height);
        expect(link.height, link.text).toBeGreaterThanOrEqual(24);
        expect(link.reached, link.text).toBe(true);
      }
      expect(opened.links.filter((link) => link.current !== null).map((link) => [link.text, link.current])).toEqual([
        ['People', 'true'],
      ]);
      expect(opened.scrollWidth).toBeLessThanOrEqual(width);
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document.querySelector('header')!, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`,
        );
      });
      expect(violations).toEqual([]);
      // The link followed: its page, its section named in the closed disclosure.
      await page.locator('.site-header nav a', { hasText: 'Quotations' }).click();
      await page.waitForURL(baseUrl + quotationsUrl());
      await expect(page.locator('.site-header nav summary').textContent()).resolves.toBe('Sections: Quotations');
      await expect(
        page.locator('.site-header nav details').evaluate((details) => details.hasAttribute('open')),
      ).resolves.toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('390 px, by keyboard: the disclosure right after the site’s name, opened with Enter, its links next in the tab order, closed with Enter', async () => {
    const { context, page } = await open(390);
    await page.goto(baseUrl + homeUrl());
    // Outside the sections, the disclosure names none.
    await expect(page.locator('.site-header nav summary').textContent()).resolves.toBe('Sections');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement!;
        return `${element.tagName.toLowerCase()}:${element.textContent?.trim() ?? ''}`;
      });
    const order: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order.slice(1)).toEqual([`a:${siteName}`, 'summary:Sections']);
    // A visible focus ring on it.
    await expect(
      page.locator('.site-header nav summary').evaluate((summary) => getComputedStyle(summary).outlineStyle),
    ).resolves.toBe('solid');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('a:The meeting');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(
      page.locator('.site-header nav details').evaluate((details) => details.hasAttribute('open')),
    ).resolves.toBe(false);
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.not.toBe('a:The meeting');
    await context.close();
  });

  it('390 px without JavaScript: the disclosure opens and shows every section', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(baseUrl + homeUrl());
    const links = page.locator('.site-header nav a');
    await expect(links.first().isVisible()).resolves.toBe(false);
    await page.locator('.site-header nav summary').click();
    for (const item of siteNavigation) {
      await expect(page.locator('.site-header nav a', { hasText: item.label }).isVisible(), item.label).resolves.toBe(
        true,
      );
    }
    await context.close();
  });

  for (const width of [1280, 1024, 768]) {
    it(`${width} px: no disclosure; every section a link shown in one line`, async () => {
      const { context, page } = await open(width);
      await page.goto(baseUrl + personUrl('gustavo-petro'));
      const menu = await sectionsMenu(page);
      expect(menu.summary.shown).toBe(false);
      expect(menu.links.map((link) => link.text)).toEqual(siteNavigation.map((item) => item.label));
      for (const link of menu.links) {
        expect(link.shown, link.text).toBe(true);
        expect(link.reached, link.text).toBe(true);
        expect(link.right, link.text).toBeLessThanOrEqual(width);
      }
      expect(new Set(menu.links.map((link) => Math.round(link.top))).size).toBe(1);
      expect(menu.links.find((link) => link.current !== null)?.text).toBe('People');
      await context.close();
    });
  }
});
