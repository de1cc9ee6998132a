import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctionsPageUrl, correctionsUrl, personUrl, timelineUrl } from '../../src/lib/links/urls.ts';
import { builtHtml } from '../quality/dist.ts';
import { baseUrl, launchBrowser } from '../helpers/browser.ts';
import { allPages } from '../helpers/dist.ts';
import { expectContentsOneTapAway } from '../helpers/contents.ts';

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

describe('citation chips', () => {
  const pages = builtHtml();
  /** Each stored article's blocks in order: id and the text of its "link to this" control (¶7, or ¶ alone). */
  const blocks = new Map(
    pages
      .filter((page) => /^\/articles\/[^/]+\/$/.test(page.url))
      .map((page) => [
        page.url,
        [...page.html.matchAll(/<a class="link-to-this" href="#([^"]+)"[^>]*>(¶\d*)<\/a>/g)].map((match) => ({
          id: match[1]!,
          control: match[2]!,
        })),
      ]),
  );
  const chips = pages.flatMap((page) =>
    [...page.html.matchAll(/<a class="citation" href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((match) => ({
      page: page.url,
      href: match[1]!.split(':~:')[0]!,
      label: match[2]!.trim(),
    })),
  );

  it('name the outlet and a ¶ number or a readable place, never a block’s id', () => {
    expect(chips.length).toBeGreaterThan(100);
    const unreadable = chips.filter(
      (chip) =>
        !/^(Clash Report|LA Times) (¶\d+|headline|standfirst|date line|§ [A-Z].*)$|^(Clash Report|LA Times), post on X (after|before) ¶\d+$/.test(
          chip.label,
        ) ||
        // A kebab-case id ("post-empire") shown as if it were a name ("headline" is both, and a word).
        (chip.href.split('#')[1]!.includes('-') && chip.label.includes(chip.href.split('#')[1]!)),
    );
    expect(unreadable.map((chip) => `${chip.page}: ${chip.label}`)).toEqual([]);
  });

  it('a chip for an embedded post names the paragraph numbered just before it on the article page', () => {
    const posts = chips.filter((chip) => chip.label.includes(' post on '));
    expect(posts.length).toBeGreaterThan(3);
    for (const chip of posts) {
      const [path, id] = chip.href.split('#') as [string, string];
      const order = blocks.get(path)!;
      const at = order.findIndex((block) => block.id === id);
      expect(at, chip.href).toBeGreaterThan(-1);
      const before = order.slice(0, at).findLast((block) => block.control !== '¶');
      expect(chip.label, chip.href).toMatch(new RegExp(`after ${before!.control}$`));
    }
  });
});

describe('the list of entries moved to other pages', () => {
  const pages = builtHtml();
  const byUrl = new Map(pages.map((page) => [page.url, page.html]));
  const text = (html: string): string =>
    html
      .replace(/<a class="link-to-this"[^>]*>[^<]*<\/a>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();

  it('says in words what moved and where, each link keeping the old id', () => {
    const links = pages.flatMap((page) =>
      [
        ...(/<ul class="moved-links[^]*?<\/ul>/.exec(page.html)?.[0] ?? '').matchAll(
          /<a id="([^"]+)" href="([^"]+)" data-moved>([^<]*)<\/a>/g,
        ),
      ].map((match) => ({ page: page.url, id: match[1]!, href: match[2]!, text: text(match[3]!) })),
    );
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const [path, id] = link.href.split('#') as [string, string];
      const target = byUrl.get(path)!;
      const h1 = text(/<h1[^>]*>([^]*?)<\/h1>/.exec(target)![1]!);
      const words = /^(Event|Comparison point|Section|Quotation|Correction|Update|Edition|Article) “(.+)”, now on (.+)$/.exec(
        link.text,
      );
      expect(words, `${link.page}#${link.id}: ${link.text}`).not.toBeNull();
      expect(words![3]).toBe(h1);
      // The title is the entry's own: it is in the element that has the id on the new page.
      const at = target.indexOf(` id="${id}"`);
      expect(text(target.slice(at, at + 3000))).toContain(words![2]);
    }
  });
});

describe('a part of the timeline', () => {
  it('has one clear title: its heading and title carry one numbering, and the text under it none', () => {
    const parts = builtHtml().filter((page) => /^\/timeline\/[^/]+\/$/.test(page.url));
    expect(parts.length).toBeGreaterThan(2);
    for (const { url, html } of parts) {
      const h1 = /<h1[^>]*>([^<]*)/.exec(html)![1]!;
      const title = /<title>([^<]*)/.exec(html)![1]!;
      const lede = /<p class="lede[^"]*">([^]*?)<\/p>/.exec(html)![1]!;
      expect(h1, url).toMatch(/^Timeline of tensions: /);
      expect(title.startsWith(`${h1} · `), url).toBe(true);
      expect((h1.match(/\d+ of \d+/g) ?? []).length, url).toBeLessThanOrEqual(1);
      expect(lede, url).not.toMatch(/\bpart \d+|\d+ of \d+/);
    }
  });
});

describe('contents on every long page', () => {
  // Every part of the timeline, as built (the parts follow the content).
  const parts = allPages().filter((path) => path.startsWith(timelineUrl()) && path !== timelineUrl());
  const longPages = [correctionsUrl(), correctionsPageUrl(2), timelineUrl(), personUrl('gustavo-petro'), ...parts];

  it('every part of the timeline lists its groups: each a heading under the h1 with an id from its dates, in its contents', () => {
    expect(parts.length).toBeGreaterThan(1);
    const pages = new Map(builtHtml().map((page) => [page.url, page.html]));
    for (const path of parts) {
      const html = pages.get(path)!;
      const headings = [...html.matchAll(/<h2 id="([^"]+)" class="filed[^"]*">([^<]*)/g)].map((match) => [
        match[1]!,
        match[2]!.trim(),
      ]);
      expect(headings.length, path).toBeGreaterThan(1);
      for (const [id] of headings) expect(id, path).toMatch(/^filed-(?:before-|after-)?\d{4}(?:-[a-z0-9]+)*$/);
      const toc = /<nav class="toc"[^]*?<\/nav>/.exec(html)![0];
      // Each entry's text up to its count, which the contents repeat as an element (empty until a filter writes it).
      const listed = [...toc.matchAll(/<a href="#([^"]+)">([^<]*)/g)].map((match) => [match[1]!, match[2]!.trim()]);
      expect(listed, path).toEqual(headings);
      // The events are headings one level under their group's.
      expect(html, path).not.toMatch(/<h2 class="event-title"/);
      expect(html, path).toMatch(/<h3 class="event-title"/);
    }
  });

  for (const path of longPages) {
    it(`${path}: at 390 px "On this page" is near the top, one tap away, and its links lead to the sections`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(baseUrl + path);
      await expectContentsOneTapAway(page, 1);
      await context.close();
    });

    it(`${path}: at 1280 px the contents sit in the margin, shown without a tap`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(baseUrl + path);
      const link = await page.locator('nav.toc a').first().boundingBox();
      const heading = await page.locator('main h1').boundingBox();
      expect(link).not.toBeNull();
      expect(link!.x).toBeGreaterThan(heading!.x + 600);
      await context.close();
    });
  }

  it('a short person’s page has no contents to repeat its two headings; the days of the log read as days', () => {
    const pages = new Map(builtHtml().map((page) => [page.url, page.html]));
    expect(pages.get(personUrl('adolf-hitler'))).not.toContain('class="toc"');
    // On the page of the log that holds the day (its first part, should the day be cut into parts).
    expect(pages.get(correctionsPageUrl(2))).toMatch(
      /<a href="#changes-2026-12-07">7 December 2026 \(\d+ changes\)<\/a>/,
    );
  });

  it('/timeline/ at 1280 px: the chart still runs across the page, under the contents', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl + timelineUrl());
    await expect(page.locator('[data-chart] .tl-axis').isVisible()).resolves.toBe(true);
    const chart = await page.locator('[data-chart]').boundingBox();
    const toc = await page.locator('nav.toc').boundingBox();
    expect(chart!.width).toBeGreaterThan(900);
    expect(chart!.y).toBeGreaterThan(toc!.y + toc!.height);
    await context.close();
  });
});

describe('the timeline’s person filter', () => {
  it('offers the people the timeline is about, not someone only named in an entry', () => {
    const timeline = builtHtml().filter((page) => page.url.startsWith(timelineUrl()));
    const offered = new Set(
      timeline.flatMap((page) =>
        [
          ...(/<select name="person">([^]*?)<\/select>/.exec(page.html)?.[1] ?? '').matchAll(
            /<option value="([^"]+)"/g,
          ),
        ].map((match) => match[1]!),
      ),
    );
    expect(offered.has('donald-trump')).toBe(true);
    expect(offered.has('adolf-hitler')).toBe(false);
    // The entry still names him, apart from its people.
    const part = timeline.find((page) => page.html.includes('id="petro-murderer-hitler"'))!;
    const entry = part.html.slice(part.html.indexOf('id="petro-murderer-hitler"')).split('</li>')[0]!;
    expect(entry).toMatch(/Also named:<\/span> <a href="\/people\/adolf-hitler\/"[^>]*>Adolf Hitler<\/a>/);
    expect(/People:<\/span>(.*?)<\/p>/.exec(entry)![1]).not.toContain('adolf-hitler');
  });
});
