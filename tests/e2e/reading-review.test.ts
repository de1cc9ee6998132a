import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineUrl } from '../../src/lib/links/urls.ts';
import { baseUrl, launchBrowser } from '../helpers/browser.ts';

// What a fresh reader still met after issue 17 (the review at 1280 and 390 px, light and dark), in the real build.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

describe('the timeline chart at wide widths', () => {
  for (const width of [1280, 1440]) {
    it(`at ${width} px, every label sits by its own mark and overlaps no other label or mark`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(baseUrl + timelineUrl());
      const marks = await page.evaluate(() => {
        const box = (rect: DOMRect) => ({ left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
        return [...document.querySelectorAll<HTMLAnchorElement>('[data-chart] .tl-l')].map((label) => {
          const glyph = label.previousElementSibling as HTMLElement;
          // The words a reader sees: the label's text without its date (read by screen readers only, at this width).
          const range = document.createRange();
          range.selectNodeContents(label);
          const text = [...range.getClientRects()].filter((rect) => rect.width > 1 && rect.height > 1);
          const hidden = label.querySelector('.tl-d')?.getBoundingClientRect();
          const visible = text.filter(
            (rect) => !hidden || rect.width > hidden.width + 1 || Math.abs(rect.left - hidden.left) > 1,
          );
          return {
            id: label.hash,
            lane: label.closest('[data-lane]')?.getAttribute('aria-label') ?? '',
            glyph: box(glyph.getBoundingClientRect()),
            text: visible.map(box),
          };
        });
      });
      expect(marks.length).toBeGreaterThan(30);
      const overlap = (a: Box, b: Box): boolean =>
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const problems: string[] = [];
      for (const mark of marks) {
        expect(mark.text.length, mark.id).toBeGreaterThan(0);
        const text = {
          left: Math.min(...mark.text.map((rect) => rect.left)),
          right: Math.max(...mark.text.map((rect) => rect.right)),
          top: Math.min(...mark.text.map((rect) => rect.top)),
          bottom: Math.max(...mark.text.map((rect) => rect.bottom)),
        };
        // By its mark: on the same line, and its words start or end within 12 px of the mark (or over it).
        const sameLine = text.top < mark.glyph.bottom + 2 && mark.glyph.top < text.bottom + 2;
        const gap = Math.max(0, text.left - mark.glyph.right, mark.glyph.left - text.right);
        if (!sameLine || gap > 12) problems.push(`${mark.lane} ${mark.id}: label ${Math.round(gap)} px from its mark`);
        for (const other of marks) {
          if (other === mark) continue;
          if (other.lane === mark.lane && overlap(other.glyph, text))
            problems.push(`${mark.lane} ${mark.id}: label over the mark of ${other.id}`);
          if (other.lane === mark.lane && other.text.some((rect) => mark.text.some((own) => overlap(rect, own))))
            problems.push(`${mark.lane} ${mark.id}: label over the label of ${other.id}`);
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
