import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { articleCitedByUrl, articlesPageUrl, articlesUrl, articleUrl } from '../../src/lib/links/urls.ts';
import { baseUrl, launchBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';

const { model } = checkContent(readContentSources(projectRoot));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The text of each addressable block on the page, without the "link to this" controls and "Cited by" links the site adds. */
const renderedBlocks = () =>
  [...document.querySelectorAll('.article-body > [id]')].map((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.link-to-this, .cited-by-link, figcaption').forEach((node) => node.remove());
    const quote = copy.querySelector('blockquote');
    return { id: element.id, text: (quote ?? copy).textContent?.trim().replace(/\n+/g, '\n') ?? '' };
  });

for (const article of model.articles.values()) {
  describe(`article page ${article.id}`, () => {
    it('shows every stored block, in order, word for word', async () => {
      const page = await browser.newPage();
      await page.goto(baseUrl + articleUrl(article.id));
      const shown = await page.evaluate(renderedBlocks);
      const expected = article.blocks.map((block) => ({
        id: block.id,
        text:
          block.kind === 'embed'
            ? `A post on ${block.platform} was embedded here in the original article; it was not captured.`
            : block.text,
      }));
      expect(shown).toEqual(expected);
      await page.close();
    });

    it('shows headline, byline and a machine-readable date', async () => {
      const page = await browser.newPage();
      await page.goto(baseUrl + articleUrl(article.id));
      // The headline as published, beside its "link to this" control.
      const headline = page.locator('article header h1');
      await expect(headline.evaluate((h1) => h1.firstChild?.textContent?.trim())).resolves.toBe(article.data.title);
      await expect(headline.locator('a.link-to-this').getAttribute('href')).resolves.toBe('#headline');
      const datetime = await page.locator('article header time').getAttribute('datetime');
      expect(datetime?.startsWith(article.data.published.date)).toBe(true);
      // The date line as printed, which statements may cite (#date-line).
      await expect(page.locator('article header #date-line time').textContent()).resolves.toBe(
        article.data.published.asPrinted,
      );
      await page.close();
    });
  });
}

describe('what cites an article, on a page of its own', () => {
  for (const article of model.articles.values()) {
    it(`${article.id}: each cited paragraph's "Cited by N" link goes to its entry of N links, which links back to it`, async () => {
      const page = await browser.newPage();
      await page.goto(baseUrl + articleUrl(article.id));
      const chips = await page.locator('.article-body > [id] .cited-by-link').evaluateAll((links) =>
        links.map((link) => ({
          block: link.closest('.article-body > [id]')?.id ?? '',
          id: link.id,
          href: link.getAttribute('href'),
          count: Number(/^Cited by (\d+)$/.exec(link.textContent ?? '')?.[1]),
        })),
      );
      expect(chips.length).toBeGreaterThan(0);
      await expect(
        page.locator(`#cited-by-heading ~ p a[href="${articleCitedByUrl(article.id)}"]`).count(),
      ).resolves.toBe(1);

      await page.goto(baseUrl + articleCitedByUrl(article.id));
      const entries = await page.locator('ol.cited-by > li').evaluateAll((items) =>
        items.map((item) => ({
          id: item.id,
          back: item.querySelector(':scope > p > a')?.getAttribute('href'),
          links: item.querySelectorAll(':scope > ul a').length,
        })),
      );
      expect(entries.map((entry) => entry.id)).toEqual(chips.map((chip) => chip.id));
      for (const [i, chip] of chips.entries()) {
        expect(chip.id).toBe(`cited-by-${chip.block}`);
        expect(chip.href).toBe(`${articleCitedByUrl(article.id)}#${chip.id}`);
        expect(entries[i]?.back).toBe(`${articleUrl(article.id)}#${chip.block}`);
        expect(entries[i]?.links, chip.id).toBe(chip.count);
      }
      await page.close();
    });
  }
});

describe('paragraph links', () => {
  const article = model.articles.get('los-angeles-times-petro-and-trump-make-peace');
  if (!article) throw new Error('missing article');
  const target = article.blocks.find((block) => block.id === 'come-get-me');
  if (!target) throw new Error('missing paragraph');

  it('clicking a paragraph’s ¶ control puts its address in the URL and marks it as the target', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(baseUrl + articleUrl(article.id));
    await page.locator(`#${target.id} .link-to-this`).click();
    expect(new URL(page.url()).hash).toBe(`#${target.id}`);
    await expect(page.locator(`#${target.id}`).evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    await page.close();
  });

  it('opening a paragraph link lands on that paragraph, in view', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}${articleUrl(article.id)}#${target.id}`);
    // Wait until any smooth scrolling has settled on the target.
    await page.waitForFunction((id) => {
      const top = document.getElementById(id)?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < window.innerHeight / 2;
    }, target.id);
    const box = await page.locator(`#${target.id}`).evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, matches: element.matches(':target') };
    });
    expect(box.matches).toBe(true);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(844 / 2);
    await page.close();
  });
});

describe('the articles index', () => {
  // Stored articles oldest first (date, then id), as the index pages them.
  const stored = [...model.articles.values()].sort(
    (a, b) => a.data.published.date.localeCompare(b.data.published.date) || a.id.localeCompare(b.id),
  );

  it('/articles/ says what it is, lists the latest articles newest first and the pages by their dates, and holds no entry', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + articlesUrl());
    await expect(page.locator('main .lede').textContent()).resolves.toMatch(
      /^The analysis rests on these news articles/,
    );
    const latest = await page
      .locator('#latest-articles + ul.latest-articles li a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(latest).toEqual([...stored].reverse().map((article) => articleUrl(article.id)));
    // One page for the first edition, named by the days it covers, with how many articles it holds.
    const pages = await page
      .locator('ul.article-pages li')
      .evaluateAll((items) => items.map((item) => [item.querySelector('a')?.getAttribute('href'), item.textContent]));
    expect(pages).toEqual([[articlesPageUrl(1), '3–4 February 2026 (two articles)']]);
    // The entries live on the pages: what /articles/ had are moved-entry links, hidden from a reader who came for the list.
    await expect(page.locator('main li[id]').count()).resolves.toBe(0);
    await expect(page.locator('.moved-links').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('its pages list every article once, oldest first, each with its byline and date, and lead to the latest', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + articlesPageUrl(1));
    await expect(page.locator('h1').textContent()).resolves.toBe('The articles published 3–4 February 2026');
    const ids = await page.locator('ul.article-list > li').evaluateAll((items) => items.map((item) => item.id));
    expect(ids).toEqual(stored.map((article) => article.id));
    for (const article of stored)
      await expect(page.locator(`li[id="${article.id}"] time`).getAttribute('datetime')).resolves.toMatch(
        new RegExp(`^${article.data.published.date}`),
      );
    await expect(
      page.locator('nav.article-neighbours a', { hasText: 'The latest articles' }).getAttribute('href'),
    ).resolves.toBe(`${articlesUrl()}#latest-articles`);
    await page.close();
  });
});
