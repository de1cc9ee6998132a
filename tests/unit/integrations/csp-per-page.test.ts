import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { narrowPages } from '../../../src/integrations/csp-per-page.ts';
import { pageHead } from '../../../src/integrations/page-preview.ts';
import { projectRoot } from '../../helpers/content.ts';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policy = `default-src 'none'; script-src 'self' ${hash('a()')} ${hash('b()')}; style-src 'self'`;
const page = (script: string): string =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}"><script>${script}</script></head><body></body></html>`;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Writes `count` pages (every other one with an inline script the policy names) and returns their files. */
function writePages(count: number): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'csp-pages-'));
  folders.push(folder);
  return Array.from({ length: count }, (_, at) => {
    mkdirSync(join(folder, `p${at}`));
    const file = join(folder, `p${at}`, 'index.html');
    writeFileSync(file, page(at % 2 === 0 ? 'a()' : 'b()'));
    return file;
  });
}

describe('the CSP pass over the built pages', () => {
  it('narrows every page alike on this thread and on worker threads (the pages of a large site are shared out)', async () => {
    const here = writePages(9);
    const threads = writePages(9);
    expect((await narrowPages(projectRoot, here, 0)).narrowed).toBe(9);
    expect((await narrowPages(projectRoot, threads, 2)).narrowed).toBe(9);
    for (const [at, file] of here.entries()) {
      const narrowed = readFileSync(file, 'utf8');
      expect(readFileSync(threads[at] as string, 'utf8')).toBe(narrowed);
      expect(narrowed).toContain(`script-src 'self' ${hash(at % 2 === 0 ? 'a()' : 'b()')};`);
      expect(narrowed).not.toContain(hash(at % 2 === 0 ? 'b()' : 'a()'));
    }
    // A second pass changes nothing.
    expect((await narrowPages(projectRoot, threads, 2)).narrowed).toBe(0);
  });

  it("hands each page's head to the preview-images pass: what it says of the preview, the same as the narrowed page says", async () => {
    const files = writePages(4).map((file, at) => {
      const og =
        at === 3
          ? '<meta http-equiv="refresh" content="0; url=/p0/">'
          : `<meta property="og:title" content="Page ${at} &amp; more"><meta property="og:description" content="D${at}"><meta property="og:image" content="https://example.org/og/p${at}.png" data-eyebrow="E">`;
      writeFileSync(file, readFileSync(file, 'utf8').replace('<script>', `${og}<script>`));
      return file;
    });
    for (const threads of [0, 2]) {
      const { heads } = await narrowPages(projectRoot, files, threads);
      expect(new Map(heads).size).toBe(4);
      for (const [at, file] of files.entries()) {
        const head = new Map(heads).get(file);
        // Read before the policy was narrowed (the first round) or after (the second): the same.
        expect(JSON.parse(head as string)).toEqual(pageHead(readFileSync(file, 'utf8')));
        expect(JSON.parse(head as string)).toEqual(
          at === 3
            ? { redirect: true, preview: {} }
            : {
                redirect: false,
                preview: {
                  title: `Page ${at} & more`,
                  description: `D${at}`,
                  image: `https://example.org/og/p${at}.png`,
                  eyebrow: 'E',
                },
              },
        );
      }
    }
  });
});
