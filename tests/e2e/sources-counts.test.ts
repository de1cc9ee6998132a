import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlesPageUrl, indexPageUrl, sourcesUrl } from '../../src/lib/links/urls.ts';
import { baseUrl, launchBrowser, watchErrors } from '../helpers/browser.ts';

// A fresh reader's third review (finding 3, and 4's /sources/ part), in the real build and in Chromium: the home
// card and /sources/ give one count of the points where the accounts differ, in the same words; /sources/'s first
// page names every group that continues on a further page, and links it; a filtered page's status line and its
// headings count alike; the list of entries that moved from /sources/ names each entry once.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const text = async (path: string): Promise<string> => (await fetch(baseUrl + path)).text();
const plain = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('/sources/ and the home card (finding 3)', () => {
  it('count the points where the accounts differ alike, in the same words', async () => {
    const first = plain(await text(sourcesUrl()));
    const total = /Where the accounts differ \((\d+)[;,)]/.exec(first)?.[1];
    expect(total).toBeDefined();
    const home = plain(await text('/'));
    expect(home).toMatch(
      new RegExp(
        `\\d+ points of comparison between the \\w+ reports: \\d+ in two or more accounts, ${total} of them where the accounts differ[ ,(]`,
      ),
    );
    // The old wording, which counted the milder differences apart from the rest, is gone.
    expect(home).not.toContain('where they differ, and');
  });

  it('page 1 names, in its headings and contents, every group of the further pages, and links to it there', async () => {
    const page2 = await text(indexPageUrl(sourcesUrl(), 2));
    const laterGroups = [...page2.matchAll(/<h2 id="(group-[a-z-]+)"/g)].map((match) => match[1]!);
    expect(laterGroups.length).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl + sourcesUrl());
    for (const id of laterGroups) {
      const heading = page.locator(`main h2#${id}`);
      await expect(heading.isVisible()).resolves.toBe(true);
      const link = heading.locator('.count a');
      await expect(link.textContent()).resolves.toMatch(/on page 2$/);
      await expect(link.getAttribute('href')).resolves.toBe(`${indexPageUrl(sourcesUrl(), 2)}#${id}`);
      // The contents name it too, with where it is.
      await expect(page.locator(`nav.toc a[href="#${id}"]`).textContent()).resolves.toMatch(/on page 2\)$/);
    }
    // "What all report alike" is on page 2 alone: page 1 names it, with its total, and the link takes the reader there.
    const alike = page.locator('main h2#group-all');
    await expect(alike.textContent()).resolves.toMatch(/^What all report alike \(\d+, on page 2\)/);
    await alike.locator('.count a').click();
    await page.waitForURL(`${baseUrl}${indexPageUrl(sourcesUrl(), 2)}#group-all`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after a filter, the status line and the headings say their counts the same way, and the links to page 2 carry the filter', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(baseUrl + sourcesUrl());
    const issue = await page
      .locator('form.filters select[name="issue"] option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean)[0]);
    await page.selectOption('form.filters select[name="issue"]', issue!);
    const status = await page.locator('form.filters output').textContent();
    const [, shown, of] = /^Showing (\d+) of (\d+) here$/.exec(status ?? '') ?? [];
    expect(shown).toBeDefined();
    const counts = await page.locator('section[data-filter-group]:not([hidden]) [data-filter-count]').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toMatch(/^\d+ of \d+ on this page$/);
    // One group runs onto page 2: its filtered count is this page's and says so, as the status line does, and
    // the link names no number for page 2 ("more on page 2", not "the rest", which read as "the other 14").
    await expect(page.locator('h2#group-differ [data-filter-count]').textContent()).resolves.toBe(
      `${shown} of ${of} on this page`,
    );
    await expect(page.locator('h2#group-differ .count').textContent()).resolves.toBe(
      `(${shown} of ${of} on this page, more on page 2)`,
    );
    for (const link of await page.locator('main h2 .count a').all())
      await expect(link.getAttribute('href')).resolves.toContain(`?issue=${issue}#`);
    // Page 2 too: its headings' counts ("8 on this page" as built) read "1 of 8" once filtered, as its status does.
    await page.goto(`${baseUrl}${indexPageUrl(sourcesUrl(), 2)}?issue=${issue}`);
    const there = await page.locator('section[data-filter-group]:not([hidden]) [data-filter-count]').allTextContents();
    expect(there.length).toBeGreaterThan(0);
    for (const count of there) expect(count).toMatch(/^\d+ of \d+ on this page$/);
    await expect(page.locator('form.filters output').textContent()).resolves.toMatch(/^Showing \d+ of \d+ here$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('"On this page" on /sources/ follows the filters (issue 17, points 3 and 5)', () => {
  /** Each contents entry that carries a count, with its heading's count and whether that heading shows. */
  const contents = (page: Page) =>
    page.locator('nav.toc a').evaluateAll((links) =>
      links
        .filter((link) => link.querySelector('[data-filter-count]'))
        .map((link) => {
          const heading = document.querySelector((link as HTMLAnchorElement).hash)!;
          return {
            id: heading.id,
            entry: link.querySelector('[data-filter-count]')!.textContent,
            heading: heading.querySelector('[data-filter-count]')!.textContent,
            label: link.textContent!,
            shown: heading.checkVisibility(),
          };
        }),
    );

  for (const path of [sourcesUrl(), indexPageUrl(sourcesUrl(), 2)])
    it(`${path}: after a filter each entry's count is its heading's, "0 of N" for a section emptied; Show all restores them (390 px)`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(baseUrl + path);
      const built = await contents(page);
      expect(built.length).toBeGreaterThan(0);
      // As built, the contents name each count as its heading does.
      for (const entry of built) expect(entry.entry, entry.id).toBe(entry.heading);
      const issues = await page
        .locator('form.filters select[name="issue"] option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
      let emptied = false;
      for (const issue of issues) {
        await page.selectOption('form.filters select[name="issue"]', issue);
        const filtered = await contents(page);
        expect(filtered.length).toBe(built.length);
        for (const entry of filtered) {
          // A group's count is of this page's points; the points only one reports, on pages of their own, of them all.
          expect(entry.entry, `${issue}: ${entry.id}`).toMatch(
            entry.id === 'group-only-one' ? /^\d+ of \d+$/ : /^\d+ of \d+ on this page$/,
          );
          expect(entry.entry, `${issue}: ${entry.id}`).toBe(entry.heading);
          // A section the filter hid says so in words in the contents: none of it shows.
          if (!entry.shown) {
            emptied = true;
            expect(entry.entry, `${issue}: ${entry.id}`).toMatch(/^0 of /);
          }
        }
      }
      // On page 2 some choice empties a section (on page 1 every issue offered has a point where the accounts differ).
      if (path !== sourcesUrl()) expect(emptied).toBe(true);
      // On a phone the contents are the same list, near the top: open, it reads the filtered counts.
      await page.locator('nav.toc summary').click();
      const first = built[0]!;
      await expect(page.locator(`nav.toc a[href="#${first.id}"]`).isVisible()).resolves.toBe(true);
      await expect(page.locator(`nav.toc a[href="#${first.id}"] [data-filter-count]`).textContent()).resolves.toMatch(
        /^\d+ of \d+ on this page$/,
      );
      await page.getByRole('button', { name: 'Show all' }).click();
      expect(await contents(page)).toEqual(built);
      expect(errors).toEqual([]);
      await context.close();
    });
});

describe('the entries that moved from /sources/ (finding 4)', () => {
  it('are listed once each, every old id still on a link of its own', async () => {
    const html = await text(sourcesUrl());
    const list = /<ul class="moved-links[^]*?<\/ul>/.exec(html)?.[0] ?? '';
    const lines = [...list.matchAll(/<li>([^]*?)<\/li>/g)].map((match) => plain(match[1]!));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    const said = lines.map((line) => line.replace(/ \(earlier address: #[^)]+\)$/, ''));
    expect(new Set(said).size).toBe(said.length);
    const ids = [...list.matchAll(/<a id="([^"]+)"[^>]*data-moved/g)].map((match) => match[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    // Each line names its entry and the page it is on now.
    for (const line of said) expect(line).toMatch(/^.+, now on How the sources compare, page \d+$/);
  });
});

describe('wording (finding 8)', () => {
  it('/issues/ cards write their counts alike, as the house style does (words to nine, digits from 10): all in digits once one card needs them, "no quotations" for none', async () => {
    const cards = plain(await text('/issues/'));
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const tallies = [...cards.matchAll(/\b(\w+) events? · (\w+) quotations?\b/g)].map((match) => [
      match[1]!,
      match[2]!,
    ]);
    expect(tallies.length).toBeGreaterThan(2);
    const valueOf = (count: string): number => (/^\d+$/.test(count) ? Number(count) : words.indexOf(count));
    expect(tallies.flat().every((count) => valueOf(count) >= 0)).toBe(true);
    // A reader's review (7 December 2026): "13 events" beside "six quotations" on one card.
    const digits = tallies.flat().some((count) => valueOf(count) >= 10);
    for (const count of tallies.flat())
      expect(count, tallies.join(' | ')).toMatch(count === 'no' ? /^no$/ : digits ? /^\d+$/ : /^[a-z]+$/);
    expect(cards).toContain('no quotations');
  });

  it('the articles index credits each article as /sources/ does (Ana Ceballos with the LA Times)', async () => {
    const credits = (html: string): string[] =>
      [...html.matchAll(/(By [^<·]+?)(?= ·|<)/g)].map((match) => match[1]!.trim()).sort();
    const listed = credits(await text(articlesPageUrl(1)));
    expect(listed).toContain('By Kate Linthicum; Ana Ceballos contributed reporting');
    expect(listed).toEqual(credits(await text(sourcesUrl())));
  });
});

describe('the fourth review: counts that say what they count (finding 1), the links to page 2 (12), "Only in…" (8)', () => {
  it('the group of points reported alike has one name on every page of /sources/', async () => {
    for (const path of [sourcesUrl(), indexPageUrl(sourcesUrl(), 2)]) {
      const html = plain(await text(path));
      expect(html, path).toContain('What all report alike (');
      expect(html, path).not.toMatch(/What both report|the rest on page/);
    }
  });

  it('the pagination and the home card say what their counts count, and they add up', async () => {
    const first = plain(await text(sourcesUrl()));
    const [, shown, shared] = /Points in two or more accounts 1–(\d+) of (\d+); page 1 of \d+\./.exec(first) ?? [];
    expect(shared).toBeDefined();
    const alone = /What only one reports \((\d+)\)/.exec(first)?.[1];
    expect(alone).toBeDefined();
    // The first page's differ heading counts the points on this page as the pagination does.
    expect(first).toContain(`; ${shown} on this page, more on page 2)`);
    const home = plain(await text('/'));
    const [, all, inTwo, inOne] =
      /(\d+) points of comparison between the \w+ reports: (\d+) in two or more accounts, .*?, and (\d+) in one only\./.exec(
        home,
      ) ?? [];
    expect([inTwo, inOne]).toEqual([shared, alone]);
    expect(+all!).toBe(+shared! + +alone!);
  });

  it('on a phone the links to page 2 in the headings are at least 24 px tall (WCAG 2.5.8)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(baseUrl + sourcesUrl());
    const links = await page.locator('main h2 .count a').all();
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      expect(box?.height, (await link.textContent()) ?? '').toBeGreaterThanOrEqual(24);
      // The target is the link: a tap on its top or bottom edge lands on it.
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.textContent, {
        x: box!.x + box!.width / 2,
        y: box!.y + 1,
      });
      expect(hit).toBe(await link.textContent());
    }
    await context.close();
  });

  it('"Only in <outlet>": titled with the outlet\'s name as a sentence uses it, a plain lede, no card repeating it', async () => {
    const cases = [
      ['/sources/only/los-angeles-times-petro-and-trump-make-peace/', 'the Los Angeles Times', 'Clash Report'],
      ['/sources/only/clash-report-trump-meets-petro/', 'Clash Report', 'the Los Angeles Times'],
    ] as const;
    for (const [path, name, other] of cases) {
      const html = await text(path);
      expect(plain(/<h1>[^]*?<\/h1>/.exec(html)?.[0] ?? '')).toBe(`Only in ${name}`);
      expect(/<title>([^<]*)/.exec(html)?.[1]).toMatch(new RegExp(`^Only in ${name} · `));
      const lede = plain(/<p class="lede prose">[^]*?<\/p>/.exec(html)?.[0] ?? '').trim();
      const opening = name.replace(/^./, (c) => c.toUpperCase());
      expect(lede).toMatch(
        new RegExp(
          `^${opening} reports these \\w+ points and ${other} does not, each cited to its article\\. Points both report are compared on how the sources compare\\.$`,
        ),
      );
      // Said once, in the lede: no point repeats "Only X reports it; Y does not.", yet every point is there.
      expect(html).not.toContain('class="kind"');
      expect(plain(html)).not.toMatch(/Only [A-Z][\w ]+ reports it; /);
      expect([...html.matchAll(/<li id="[^"]+" data-issues/g)].length).toBeGreaterThan(0);
    }
    // /sources/ links them by the same names.
    const links = [...(await text(sourcesUrl())).matchAll(/data-filter-carry>(Only in [^<]+)<\/a>/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(cases.map(([, name]) => `Only in ${name}`).sort());
  });
});
