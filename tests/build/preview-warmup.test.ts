import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBuiltPages } from '../../src/integrations/built-pages.ts';
import { runAfterBuild } from '../../src/integrations/after-build.ts';
import { pagePreview, previewImagesPass } from '../../src/integrations/preview-images.ts';
import { startPreviewWarmup } from '../../src/integrations/preview-images-warmup.ts';
import { buildProject, copyProject, files } from '../helpers/project-copy.ts';

// `npm run build` draws the preview images into their cache while Astro renders (the warm-up), so the pass after
// the pages mostly copies them. It is a cache warm-up only: the site must be the same, byte for byte, with it or
// without it, and what it draws must be what the pass would draw, found by the pass under the same key.
let dir = '';
beforeAll(() => {
  dir = copyProject('preview-warmup-');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The paths of `a` and `b` whose files differ, or that only one holds. */
const differences = (a: Map<string, Buffer>, b: Map<string, Buffer>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter(
    (path) => !(a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) ?? false),
  );

const cacheDir = (): string => join(dir, 'node_modules', '.cache', 'og-images');
const cachedImages = (): string[] =>
  existsSync(cacheDir()) ? readdirSync(cacheDir()).filter((name) => name.endsWith('.png')) : [];
const clearCaches = (): void => {
  for (const folder of ['dist', join('node_modules', '.astro'), join('node_modules', '.cache')])
    rmSync(join(dir, folder), { recursive: true, force: true });
};

const waitFor = async (ready: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (!ready() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
  return ready();
};

describe('the preview images warm-up', () => {
  let reference = new Map<string, Buffer>();

  it('npm run build makes the same site, byte for byte, with the warm-up and without it (cold caches both times)', () => {
    const without = buildProject(dir, { PREVIEW_WARMUP: '0' });
    expect(without.status).toBe(0);
    expect(without.output).not.toContain('[preview-warmup]');
    reference = files(join(dir, 'dist'));
    clearCaches();
    const withIt = buildProject(dir);
    expect(withIt.status).toBe(0);
    expect(withIt.output).toMatch(
      /\[preview-warmup\] preview images drawn while Astro rendered: \d+ \(\d+ found in the cache\)/,
    );
    // Before the passes after the pages, so the pass finds what it drew.
    expect(withIt.output.indexOf('[preview-warmup]')).toBeLessThan(
      withIt.output.indexOf('[preview-images] preview images:'),
    );
    // The warm-up's folder for images being written is gone once it stops.
    expect(readdirSync(cacheDir()).filter((name) => name.startsWith('.warm-up-'))).toEqual([]);
    expect(differences(files(join(dir, 'dist')), reference)).toEqual([]);
  }, 300_000);

  it('draws each whole page’s own image into the cache as pages appear, and the pass then only copies, the same bytes', async () => {
    const site = join(dir, 'dist');
    const pages = listBuiltPages(site);
    const texts = new Set<string>();
    let own = 0;
    for (const page of pages) {
      const found = pagePreview(page.path, readFileSync(page.file, 'utf8'));
      if (found.kind !== 'own') continue;
      own++;
      texts.add(JSON.stringify(found.text));
    }
    expect(texts.size).toBeGreaterThan(5);
    rmSync(cacheDir(), { recursive: true, force: true });
    // An output folder written page by page, as Astro writes it: the home page cut short, one article whole.
    const out = join(dir, 'dist-warm');
    rmSync(out, { recursive: true, force: true });
    const outDirFile = join(dir, 'out-dir.txt');
    writeFileSync(outDirFile, out);
    const lines: string[] = [];
    const warmup = startPreviewWarmup(
      { root: dir, outDirFile, since: Date.now() - 1 },
      { info: (line) => lines.push(line), warn: (line) => lines.push(`WARN ${line}`) },
    );
    const copy = (file: string, text?: string): void => {
      const target = join(out, relative(site, file));
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, text ?? readFileSync(file));
    };
    const home = readFileSync(join(site, 'index.html'), 'utf8');
    copy(join(site, 'index.html'), home.slice(0, home.indexOf('</body>')));
    const article = pages.find((page) => /^\/articles\/[^/]+\/$/.test(page.path));
    expect(article).toBeDefined();
    copy(article!.file);
    // The article's image is drawn; the home page, its head whole but not the page, is not read until it ends
    // with </html>.
    const first = await waitFor(() => cachedImages().length >= 1, 60_000);
    if (!first) await warmup.stop();
    expect(first, lines.join('\n')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(cachedImages()).toHaveLength(1);
    for (const page of pages) copy(page.file);
    expect(await waitFor(() => cachedImages().length >= texts.size, 120_000)).toBe(true);
    await warmup.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `preview images drawn while Astro rendered: ${texts.size} (${own - texts.size} found in the cache)`,
    );
    expect(existsSync(join(cacheDir(), `.warm-up-${process.pid}`))).toBe(false);
    // The pass over the reference site, its images removed, draws nothing: every image comes from the cache,
    // the same bytes as the site built without the warm-up.
    rmSync(out, { recursive: true, force: true });
    rmSync(join(site, 'og'), { recursive: true, force: true });
    const said: string[] = [];
    // As the build runs it: the images are copied on a worker thread after the pass has returned.
    await runAfterBuild(
      { root: dir, distDir: site, site: 'http://localhost:4321/', cacheDir: join(dir, 'node_modules', '.astro') },
      () => ({ info: (line) => said.push(line), warn: (line) => said.push(line) }),
      [previewImagesPass],
    );
    expect(said.join('\n')).toContain(`preview images: 0 drawn, ${own} from cache`);
    expect(differences(files(site), reference)).toEqual([]);
  }, 300_000);
});
