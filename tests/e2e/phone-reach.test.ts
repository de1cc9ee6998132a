import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleUrl, homeUrl, issueUrl, meetingUrl } from '../../src/lib/links/urls.ts';
import { siteNavigation } from '../../src/lib/links/navigation.ts';
import { baseUrl, launchBrowser, watchErrors } from '../helpers/browser.ts';

// A reader's review of the merged site on a phone (7 December 2026), in the real build and in Chromium: the way back
// to the top covered the end of the reading column's lines; the "Cited by N" links of the article pages were 16 px
// tall; the site's sections past the phone's edge were hinted by a fade alone.

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

describe('the site’s sections on a phone', () => {
  // One line that scrolls sideways (the header stays two rows: issue 17), a shade at an edge past which more are.
  for (const width of [320, 360, 390]) {
    it(`${width} px: every section brought into sight in the strip, whole, 24 px tall, where a tap reaches it; the page no wider than the screen`, async () => {
      const { context, page } = await open(width);
      await page.goto(baseUrl + homeUrl());
      const links = await page.locator('.site-header nav a').evaluateAll((items) =>
        items.map((link) => {
          link.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const rect = link.getBoundingClientRect();
          const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
          return {
            label: link.textContent?.trim() ?? '',
            left: rect.left,
            right: rect.right,
            top: rect.top,
            height: rect.height,
            reached: hit === link || link.contains(hit),
          };
        }),
      );
      expect(links.map((link) => link.label)).toEqual(siteNavigation.map((item) => item.label));
      for (const link of links) {
        expect(link.left, link.label).toBeGreaterThanOrEqual(0);
        expect(link.right, link.label).toBeLessThanOrEqual(width);
        expect(link.height, link.label).toBeGreaterThanOrEqual(24);
        expect(link.reached, link.label).toBe(true);
      }
      // One line of sections.
      expect(new Set(links.map((link) => Math.round(link.top))).size).toBe(1);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      await context.close();
    });
  }
});
