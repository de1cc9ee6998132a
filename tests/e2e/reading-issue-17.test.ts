import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent } from 'hast';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtHtml } from '../quality/dist.ts';
import type { FragmentMap } from '../../src/lib/links/fragment-map.ts';
import {
  articlesPageUrl,
  articlesUrl,
  fragmentMapUrl,
  fragmentNoteModuleUrl,
  indexPageUrl,
  meetingUrl,
  quotationsUrl,
  searchQueryUrl,
  sourcesUrl,
  timelineUrl,
} from '../../src/lib/links/urls.ts';
import { siteNavigation } from '../../src/lib/links/navigation.ts';
import { baseUrl, distDir, launchBrowser, watchErrors } from '../helpers/browser.ts';
import { expectContentsOneTapAway } from '../helpers/contents.ts';

// Issue 17 in the real build, in Chromium: a way through long pages (contents at every width, the header's
// rows, an unknown fragment), citations a reader can check (each chip's number on its paragraph, one chip per
// paragraph, [sic], the same paragraph counts everywhere), search results named by kind, filters that say what
// they show. The copied address at another origin is in lasting-links.test.ts.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(width: number, height = 900): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

const classes = (element: Element): string[] => {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};
const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

describe('contents and header', () => {
  it('at 390 px, "On this page" is near the top, one tap away, and its links lead to the sections', async () => {
    const { context, page, errors } = await open(390, 844);
    await page.goto(baseUrl + meetingUrl());
    await expect(page.locator('nav.toc summary').isVisible()).resolves.toBe(true);
    await expectContentsOneTapAway(page, 3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 1280 px, the contents in the margin mark the section in view as the reader scrolls', async () => {
    const { context, page } = await open(1280);
    await page.goto(baseUrl + meetingUrl());
    // Shown in the margin without opening the disclosure.
    const links = page.locator('nav.toc a');
    await expect(links.first().isVisible()).resolves.toBe(true);
    const third = await links.nth(2).getAttribute('href');
    await page.locator(third!).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.waitForFunction(
      (href) =>
        [...document.querySelectorAll('nav.toc a')]
          .filter((link) => link.matches(':target-current'))
          .map((link) => link.getAttribute('href'))
          .join() === href,
      third,
    );
    const marked = await links.nth(2).evaluate((link) => getComputedStyle(link).fontWeight);
    const unmarked = await links.nth(0).evaluate((link) => getComputedStyle(link).fontWeight);
    expect([marked, unmarked]).toEqual(['600', '400']);
    await context.close();
  });

  for (const [width, rows, maxHeight] of [
    [1280, 1, 64],
    [1024, 1, 64],
    [390, 2, 100],
  ] as const) {
    it(`the header at ${width} px: ${rows === 1 ? 'one row' : 'two rows'}, search and the theme within reach`, async () => {
      const { context, page } = await open(width);
      await page.goto(baseUrl + meetingUrl());
      const header = await page.locator('header.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(maxHeight);
      const parts = await page.evaluate(() => {
        const visible = (selector: string): DOMRect | null => {
          const element = document.querySelector(selector);
          const rect = element?.getBoundingClientRect();
          return rect && rect.width > 0 && rect.height > 0 ? rect : null;
        };
        return {
          name: visible('.site-header .site-name'),
          // The sections as shown: their links, or on a phone the disclosure that opens them.
          nav: [...document.querySelectorAll('.site-header nav li, .site-header nav summary')]
            .filter((item) => item.checkVisibility())
            .map((item) => item.getBoundingClientRect().top),
          search: visible('.site-header .site-search input') ?? visible('.site-header .site-search button'),
          theme: visible('.site-header [data-theme-control] select'),
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(parts.search).not.toBeNull();
      expect(parts.theme).not.toBeNull();
      expect(parts.scrollWidth).toBeLessThanOrEqual(width);
      // The sections in one line (on a phone the "Sections" disclosure that opens them: tests/e2e/phone-reach.test.ts);
      // with the name, search and the theme, `rows` rows in all.
      expect(parts.nav).toHaveLength(width < 640 ? 1 : siteNavigation.length);
      expect(new Set(parts.nav.map(Math.round)).size).toBe(1);
      const centres = [parts.name!, parts.search!, parts.theme!].map((rect) => rect.top + rect.height / 2);
      const navTop = parts.nav[0]!;
      const rowsSeen = new Set([...centres.map((centre) => (Math.abs(centre - navTop - 12) < 20 ? 'nav' : 'top'))]);
      rowsSeen.add('nav');
      expect(rowsSeen.size).toBe(rows);
      for (const rect of [parts.search!, parts.theme!]) expect(rect.right).toBeLessThanOrEqual(width);
      await context.close();
    });
  }
});

describe('an address whose fragment matches nothing', () => {
  /** The pages the map of ids (fragment-map.json, src/integrations/fragment-map.ts) gives for `id`. */
  const pagesWith = (id: string): string[] => {
    const map = JSON.parse(readFileSync(join(distDir, fragmentMapUrl().slice(1)), 'utf8')) as FragmentMap;
    return (map.ids[id] ?? []).map((at) => map.pages[at]?.[0] ?? '?');
  };

  it('/timeline/#maduro-raid: says so, links /sources/#maduro-raid where that id is, and following the link lands there', async () => {
    const { context, page, errors } = await open(1280);
    await page.goto(`${baseUrl}${timelineUrl()}#maduro-raid`);
    const note = page.locator('main .fragment-missing');
    await expect(note.textContent()).resolves.toBe(
      'Nothing on this page is called “#maduro-raid”; it is on How the sources compare: go there, or search for “maduro raid”.',
    );
    const there = note.locator('a').first();
    await expect(there.getAttribute('href')).resolves.toBe(`${sourcesUrl()}#maduro-raid`);
    await expect(there.textContent()).resolves.toBe('How the sources compare');
    await expect(note.locator('a').last().getAttribute('href')).resolves.toBe(searchQueryUrl('maduro raid'));
    await expect(note.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await there.click();
    await page.waitForURL(`${baseUrl}${sourcesUrl()}#maduro-raid`);
    await page.waitForFunction(() => document.activeElement?.id === 'maduro-raid');
    const box = (await page.locator('#maduro-raid').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    await expect(page.locator('.fragment-missing').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/timeline/#nothing-here: says nothing on the site is called that, with a search for its words', async () => {
    expect(pagesWith('nothing-here')).toEqual([]);
    const { context, page, errors } = await open(390);
    await page.goto(`${baseUrl}${timelineUrl()}#nothing-here`);
    const note = page.locator('main .fragment-missing');
    await expect(note.textContent()).resolves.toBe(
      'Nothing on this site is called “#nothing-here” (an old or mistyped link); this page starts below, or search for “nothing here”.',
    );
    await expect(note.locator('a').count()).resolves.toBe(1);
    await expect(note.locator('a').getAttribute('href')).resolves.toBe(searchQueryUrl('nothing here'));
    await expect(note.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists every page of an id that several pages have', async () => {
    const id = 'bosses-of-the-bosses';
    const homes = pagesWith(id);
    expect(homes.length).toBeGreaterThan(1);
    const elsewhere = [meetingUrl(), timelineUrl(), quotationsUrl()].find((path) => !homes.includes(path))!;
    const { context, page } = await open(1280);
    await page.goto(`${baseUrl}${elsewhere}#${id}`);
    const note = page.locator('main .fragment-missing');
    await expect(note.textContent()).resolves.toContain(`it is on ${homes.length} pages: `);
    const links = await note.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual([...homes.map((path) => `${path}#${id}`), searchQueryUrl('bosses of the bosses')]);
    await context.close();
  });

  it('says nothing for a fragment that is on the page, and fetches neither the map nor the note’s code', async () => {
    const { context, page } = await open(1280);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}${meetingUrl()}#facts`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.fragment-missing').count()).resolves.toBe(0);
    expect(requested).toContain(meetingUrl());
    expect(requested).not.toContain(fragmentMapUrl());
    expect(requested).not.toContain(fragmentNoteModuleUrl());
    // The same page on a fragment it lacks: both are fetched then (so the check above can see them).
    await page.goto(`${baseUrl}${meetingUrl()}#nothing-here`);
    await page.locator('.fragment-missing').waitFor();
    expect(requested).toContain(fragmentMapUrl());
    expect(requested).toContain(fragmentNoteModuleUrl());
    await context.close();
  });
});

describe('citations a reader can check', () => {
  const pages = builtHtml();
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  /** Every citation chip of the site: its page, label and target. */
  const chips = pages.flatMap((page) => {
    const found: { page: string; label: string; href: string }[] = [];
    const walk = (node: ElementContent | { type: 'root'; children: ElementContent[] }): void => {
      if (node.type === 'element' && node.tagName === 'a' && classes(node).includes('citation'))
        found.push({ page: page.url, label: textOf(node).trim(), href: String(node.properties['href']) });
      if ('children' in node) for (const child of node.children as ElementContent[]) walk(child);
    };
    walk(page.tree as never);
    return found;
  });

  it('each chip’s number is the number shown on its paragraph', () => {
    expect(chips.length).toBeGreaterThan(100);
    const controls = new Map<string, string>();
    for (const page of pages.filter((page) => page.url.startsWith(articlesUrl()) && page.url !== articlesUrl())) {
      for (const match of page.html.matchAll(/<a class="link-to-this" href="#([^"]+)"[^>]*>(¶\d*)<\/a>/g))
        controls.set(`${page.url}#${match[1]}`, match[2]!);
    }
    let checked = 0;
    for (const chip of chips) {
      const number = /¶\d+$/.exec(chip.label)?.[0];
      // A chip for an embedded post names the paragraph it follows (tests/e2e/reading-review.test.ts checks those).
      if (number === undefined || chip.label.includes(' post on ')) continue;
      const target = chip.href.split(':~:')[0]!;
      expect(controls.get(target), `${chip.page}: ${chip.label} → ${target}`).toBe(number);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('no chip twice in a row: one chip per paragraph per statement', () => {
    const repeats: string[] = [];
    for (const page of pages) {
      let previous = '';
      const walk = (node: ElementContent): void => {
        if (node.type === 'text') {
          if (node.value.trim() !== '') previous = '';
        } else if (node.type === 'element') {
          if (node.tagName === 'a' && classes(node).includes('citation')) {
            const label = textOf(node).trim();
            if (label === previous) repeats.push(`${page.url}: ${label}`);
            previous = label;
          } else node.children.forEach(walk);
        }
      };
      (page.tree.children as ElementContent[]).forEach(walk);
    }
    expect(repeats).toEqual([]);
  });

  it('the article indexes count paragraphs as the article pages number them', () => {
    // The articles' entries are on the pages of the articles (from the oldest); the real site's fit on the first.
    for (const path of [articlesPageUrl(1), sourcesUrl()]) {
      const counts = [...byUrl.get(path)!.html.matchAll(/(\d+) paragraphs/g)].map((match) => Number(match[1]));
      const numbered = pages
        .filter((page) => /^\/articles\/[^/]+\/$/.test(page.url))
        .map((page) =>
          Math.max(...[...page.html.matchAll(/class="link-to-this"[^>]*>¶(\d+)</g)].map((match) => Number(match[1]))),
        )
        .sort((a, b) => a - b);
      expect(
        [...counts].sort((a, b) => a - b),
        path,
      ).toEqual(numbered);
    }
  });

  it('a quoted slip is marked [sic] wherever the quotation is shown', async () => {
    const { context, page } = await open(1280);
    for (const path of [quotationsUrl(), meetingUrl()]) {
      await page.goto(baseUrl + path);
      const text = await page.locator('main').innerText();
      expect(text, path).toContain('particar [sic]');
      expect(text.match(/particar(?! \[sic\])/g), path).toBeNull();
    }
    await context.close();
  });

  it('on a phone, chips and filter controls are at least 24 px tall', async () => {
    const { context, page } = await open(390, 844);
    await page.goto(baseUrl + sourcesUrl());
    const heights = await page.evaluate(() =>
      [...document.querySelectorAll('.citation, form.filters select, form.filters button')].map(
        (element) => element.getBoundingClientRect().height,
      ),
    );
    expect(heights.length).toBeGreaterThan(10);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);
    await context.close();
  });

  it('/meeting/ shows no quotation right under the sentence that quotes it in full', async () => {
    const { context, page } = await open(1280);
    await page.goto(baseUrl + meetingUrl());
    const repeated = await page.evaluate(() =>
      [...document.querySelectorAll('.line')].flatMap((line) => {
        const sentence = line.querySelector(':scope > p')?.textContent ?? '';
        return [...line.querySelectorAll(':scope > figure.quote blockquote')]
          .map((quote) => quote.textContent?.trim() ?? '')
          .filter((quoted) => sentence.includes(quoted))
          .map((quoted) => `${line.id}: ${quoted}`);
      }),
    );
    expect(repeated).toEqual([]);
    await expect(page.locator('.line p q').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});

describe('search and filters', () => {
  it('results name their kind; two results of one title are told apart; the log comes last; more than 12 can be seen', async () => {
    const { context, page, errors } = await open(1280);
    await page.goto(`${baseUrl}${searchQueryUrl('sanctions')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] > li').length > 0);
    const read = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-search-results] > li')].map((item) => ({
          kind: item.querySelector('h2 .kind')?.textContent ?? '',
          title: item.querySelector('h2 a')?.textContent ?? '',
          href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
          blockKinds: [...item.querySelectorAll('.search-blocks .kind')].map((kind) => kind.textContent ?? ''),
          blocks: [...item.querySelectorAll('.search-blocks > li')].map((block) => ({
            kind: block.querySelector('.kind')?.textContent ?? '',
            title: block.querySelector('a')?.textContent ?? '',
            href: block.querySelector('a')?.getAttribute('href') ?? '',
          })),
        })),
      );
    let results = await read();
    expect(results).toHaveLength(12);
    // The issue and the comparison point share a title: the issue is a page, the point an entry in its home
    // (a page of /sources/), found as a matched block there; each is named by its kind.
    const petro = [
      ...results.map((result) => ({ kind: result.kind, title: result.title, href: result.href })),
      ...results.flatMap((result) => result.blocks),
    ].filter((found) => found.title === 'U.S. sanctions on Petro');
    expect([...new Set(petro.map((found) => found.kind))].sort()).toEqual(['Comparison point', 'Issue']);
    expect(petro.map((found) => `${found.kind} ${found.href}`)).toEqual(
      expect.arrayContaining([
        'Comparison point /sources/only/clash-report-trump-meets-petro/#petro-sanctioned',
        'Issue /issues/sanctions/',
      ]),
    );
    expect(results.every((result) => result.kind !== '')).toBe(true);
    expect(results.flatMap((result) => result.blockKinds).some((kind) => kind === 'Article paragraph')).toBe(true);
    expect(JSON.stringify(results)).not.toMatch(/Line \d+ of/);
    const more = page.locator('[data-search-more]');
    await expect(more.isVisible()).resolves.toBe(true);
    await more.click();
    results = await read();
    expect(results.length).toBeGreaterThan(12);
    while (await more.isVisible()) await more.click();
    results = await read();
    const firstLog = results.findIndex((result) => result.href.startsWith('/corrections/'));
    expect(firstLog).toBeGreaterThan(0);
    expect(results.slice(firstLog).every((result) => result.href.startsWith('/corrections/'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/sources/: a filter updates the headings’ counts, reaches the one-outlet points; an empty result says what to do', async () => {
    const { context, page, errors } = await open(1280);
    // An issue that the page of points only the first outlet reports can be narrowed by too.
    await page.goto(baseUrl + sourcesUrl());
    const onlyPath = await page.locator('.only a[data-filter-carry]').first().getAttribute('href');
    await page.goto(new URL(onlyPath!, baseUrl).href);
    const there = await page
      .locator('form.filters select[name="issue"] option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    // Unfiltered, the script leaves the counts as built: on the first page each group's total, then how many are
    // on this page; on a further page, which names no totals (issue 19, "Homes are stable"), this page's count.
    for (const path of [sourcesUrl(), indexPageUrl(sourcesUrl(), 2)]) {
      const html = await (await fetch(baseUrl + path)).text();
      const built = [...html.matchAll(/data-filter-count="[^"]+"[^>]*>([^<]*)</g)].map((match) => match[1]!);
      await page.goto(baseUrl + path);
      const counts = await page.locator('[data-filter-count]').allTextContents();
      if (path === sourcesUrl()) expect(built.some((count) => count.includes('; '))).toBe(true);
      else expect(html).toMatch(/data-filter-count="\d+ on this page"[^>]*>\d+ on this page<\/span>\)/);
      expect(counts).toEqual(built);
      // Page 2 says so in its heading and title, without the count of pages (a new page would change it).
      const numbered = path === sourcesUrl() ? '$' : ', page 2$';
      await expect(page.locator('h1').textContent()).resolves.toMatch(
        new RegExp(`^How the sources compare${numbered}`),
      );
      await expect(page.title()).resolves.toMatch(new RegExp(`^How the sources compare${numbered.replace('$', ' ·')}`));
    }
    await page.goto(baseUrl + sourcesUrl());
    await expect(page.locator('form.filters button[type="reset"]').textContent()).resolves.toBe('Show all');
    const here = await page
      .locator('form.filters select[name="issue"] option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const issue = there.find((value) => here.includes(value));
    expect(issue).toBeDefined();
    await page.selectOption('form.filters select[name="issue"]', issue!);
    const groups = await page.evaluate(() =>
      [...document.querySelectorAll('section[data-filter-group]:not([hidden])')].map((section) => ({
        count: section.querySelector('[data-filter-count]')?.textContent ?? '',
        shown: section.querySelectorAll('[data-issues]:not([hidden])').length,
      })),
    );
    expect(groups.length).toBeGreaterThan(0);
    // A filtered count is of this page's entries and says so ("1 of 15 on this page"), as the status line does.
    for (const group of groups) expect(group.count).toMatch(new RegExp(`^${group.shown} of \\d+ on this page$`));
    const only = page.locator('.only a[data-filter-carry]').first();
    await expect(only.getAttribute('href')).resolves.toContain(`issue=${issue}`);
    await only.click();
    await page.waitForLoadState();
    await expect(page.locator('form.filters select[name="issue"]').inputValue()).resolves.toBe(issue);
    await expect(page.locator('form.filters output').textContent()).resolves.toMatch(
      /^Showing \d+ of \d+ here$|^Nothing here/,
    );
    // Every combination of the form's choices, until one matches nothing (on /quotations/: on /sources/ every
    // issue and outlet offered has points both outlets report): the form then says what to do.
    await page.goto(baseUrl + quotationsUrl());
    const message = await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form.filters')!;
      const selects = [...form.querySelectorAll('select')];
      const combinations = selects.reduce<string[][]>(
        (sofar, select) => sofar.flatMap((chosen) => [...select.options].map((option) => [...chosen, option.value])),
        [[]],
      );
      for (const values of combinations) {
        selects.forEach((select, at) => (select.value = values[at]!));
        form.dispatchEvent(new Event('change'));
        if (!document.querySelector('[data-issues]:not([hidden])')) return form.querySelector('output')?.textContent;
      }
      return 'every combination matched something';
    });
    expect(message).toBe('Nothing here matches these filters: choose others above, or Show all.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
