import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, builtPages, launchBrowser, watchErrors } from '../helpers/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('every built page', () => {
  const pages = builtPages();

  it('includes the home page and both article pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/articles/', '/articles/clash-report-trump-meets-petro/', '/articles/los-angeles-times-petro-and-trump-make-peace/']));
  });

  for (const path of pages) {
    it.concurrent(`${path} loads with status 200, a heading, and no console errors`, async ({ expect }) => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').count()).resolves.toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
