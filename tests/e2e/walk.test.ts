import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, watchErrors } from '../helpers/browser.ts';

// A reader's walk, by clicking only: home → an event (its entry in the timeline) → issue → person → one of
// their quotations (its entry on their page) → the cited paragraph in the article → back to the quotation
// through "What cites this article" (the article's page of what cites it) → home.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const path = (page: Page): string => new URL(page.url()).pathname;
const address = (page: Page): string => {
  const url = new URL(page.url());
  return `${url.pathname}${url.hash}`;
};

describe('walking the site', () => {
  it('goes from the home page to an event, an issue, a person, a quotation and a cited paragraph, and back', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}/`);

    await page.locator('section[aria-labelledby="latest"] ol a').first().click();
    expect(address(page)).toMatch(/^\/timeline\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    const eventAddress = address(page);
    const eventId = new URL(page.url()).hash.slice(1);
    const event = page.locator(`[id="${eventId}"]`);
    // The click resolves when the new page commits; Chromium sets the target once the page has loaded.
    await page.waitForFunction((id) => document.getElementById(id)?.matches(':target'), eventId);

    await event.locator('.link-list', { hasText: 'Issues:' }).locator('a').first().click();
    expect(path(page)).toMatch(/^\/issues\/[a-z0-9-]+\/$/);
    await expect(page.locator(`a[href="${eventAddress}"]`).count()).resolves.toBeGreaterThan(0); // the issue links back to its event

    // A person who is quoted (the first listed may be one the articles only name, with no quotations).
    await page.locator('section[aria-labelledby="people"] li > a', { hasText: 'Gustavo Petro' }).first().click();
    expect(path(page)).toMatch(/^\/people\/[a-z0-9-]+\/$/);
    const personPath = path(page);

    // The quotation's address is its entry here, on its speaker's page.
    const quotation = page.locator('section[aria-labelledby="quotations"] figure.quote[id]').first();
    const quotationAddress = `${personPath}#${(await quotation.getAttribute('id')) ?? ''}`;
    await expect(
      quotation.locator(`a.link-to-this[href="#${(await quotation.getAttribute('id')) ?? ''}"]`).count(),
    ).resolves.toBe(1);
    const quoted = (await quotation.locator('blockquote p').textContent()) ?? '';

    await quotation.locator('figcaption a.citation').click();
    expect(path(page)).toMatch(/^\/articles\/[a-z0-9-]+\/$/);
    const paragraphId = decodeURIComponent(new URL(page.url()).hash.slice(1)).split(':~:')[0] ?? '';
    const paragraph = page.locator(`[id="${paragraphId}"]`);
    // Chromium looks for a text fragment's words after the page has loaded, then sets the target.
    await page.waitForFunction((id) => document.getElementById(id)?.matches(':target'), paragraphId);
    await expect(paragraph.textContent()).resolves.toContain(quoted);

    // What cites the paragraph is listed on the article's page of what cites it.
    const articlePath = path(page);
    await paragraph.locator('a.cited-by-link').click();
    expect(address(page)).toBe(`${articlePath}cited-by/#cited-by-${paragraphId}`);
    const citedBy = page.locator(`li[id="cited-by-${paragraphId}"]`);
    await page.waitForFunction((id) => document.getElementById(id)?.matches(':target'), `cited-by-${paragraphId}`);
    await expect(citedBy.locator(`a[href="${articlePath}#${paragraphId}"]`).count()).resolves.toBe(1); // and back
    await citedBy.locator(`a[href="${quotationAddress}"]`).click();
    expect(address(page)).toBe(quotationAddress);
    await page.waitForFunction(
      () => document.querySelectorAll(':target figure.quote, figure.quote:target').length === 1,
    );

    for (let step = 0; step < 8 && path(page) !== '/'; step += 1) await page.goBack();
    expect(path(page)).toBe('/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches every section from the site navigation on every kind of page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/people/gustavo-petro/`);
    const labels = await page.locator('nav[aria-label="Site"] a').allTextContents();
    expect(labels).toEqual(['The meeting', 'Timeline', 'Issues', 'People', 'Quotations', 'Sources', 'Articles']);
    await expect(page.locator('nav[aria-label="Site"] a[aria-current]').textContent()).resolves.toBe('People');
    await expect(page.locator('nav[aria-label="Breadcrumb"] li').allTextContents()).resolves.toEqual([
      'Home',
      'People',
      'Gustavo Petro',
    ]);
    await page.close();
  });
});
