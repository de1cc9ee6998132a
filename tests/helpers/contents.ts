import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * On a phone-sized page already loaded: "On this page" is near the top, a target of at least 24 px, closed
 * (its links hidden) until tapped; once open it has more than `moreThan` links, and its last link leads to its
 * section, which comes into view (smoothly: the reader has acted on the page).
 */
export async function expectContentsOneTapAway(page: Page, moreThan: number): Promise<void> {
  const summary = page.locator('nav.toc summary');
  const box = await summary.boundingBox();
  expect(box!.y + box!.height).toBeLessThan(400);
  expect(box!.height).toBeGreaterThanOrEqual(24);
  await expect(page.locator('nav.toc a').first().isVisible()).resolves.toBe(false);
  await summary.click();
  const links = page.locator('nav.toc a');
  expect(await links.count()).toBeGreaterThan(moreThan);
  const last = links.last();
  const href = await last.getAttribute('href');
  await last.click();
  expect(new URL(page.url()).hash).toBe(href);
  await page.waitForFunction((selector) => {
    const top = document.querySelector(selector)?.getBoundingClientRect().top ?? -1;
    return top >= 0 && top < innerHeight;
  }, href!);
}
