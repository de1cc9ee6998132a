// The preview images' warm-up (preview-images-warmup.ts): one worker thread of `npm run build`'s own process that,
// while `astro build` renders in its process, reads each finished page that has an image of its own, as Astro
// writes it into the output folder, and draws that image into the preview images' cache (never into the site).
// It reads pages through the pass's own functions (pagePreview, previewCacheFile), so what it draws is what the
// pass after the pages would draw and the pass finds it by the same key. Runs under Node's own TypeScript support.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { ogImageUrl, previewImageUrl } from '../lib/links/urls.ts';
import type { WarmupData, WarmupReport } from './preview-images-warmup.ts';

/** How long to wait before looking at the output folder again when it held nothing new. */
const POLL_MS = 500;
/**
 * Files' times come from the kernel's coarse clock, a few milliseconds behind Date.now(): a page counts as this
 * build's when written after `since` less this. (The previous build's last page was written seconds before: its
 * search index pass runs after it. Reading an older page would only draw an image the pass does not need.)
 */
const CLOCK_SLACK_MS = 1000;

const { root, outDirFile, since } = workerData as WarmupData;
// The lowest priority, for this thread alone (Linux keeps a nice value per thread): it should take a core Astro
// leaves idle, not time from Astro's own thread when the cores are busy. That covers satori's layout, on this
// thread; resvg rasterises on libuv's pool at the process's priority. (Rasterising here with resvg's synchronous
// call instead kept each image's native memory until this small heap's next collection: 1.37 GB for the process,
// measured; docs/bench-build.md.)
try {
  setPriority(19);
} catch {
  // not allowed here: it runs at the process's priority
}
const report: WarmupReport = { drawn: 0, cached: 0, looks: 0, lookMs: 0 };

/**
 * What drawing needs (the pass's module with satori and resvg, the fonts), loaded once the first page of this
 * build appears: until then (the content layer, Vite, when Astro's process is largest) the thread holds little.
 */
type Kit = Awaited<ReturnType<typeof loadKit>>;
async function loadKit() {
  const images = await import('./preview-images.ts');
  const fonts = images.loadOgFonts(root);
  const cacheDir = images.previewCacheDir(root);
  // Images are written here first and renamed into the cache whole, so the pass never copies half a file.
  const partDir = join(cacheDir, `.warm-up-${process.pid}`);
  mkdirSync(partDir, { recursive: true });
  report.partDir = partDir;
  parentPort?.postMessage(report);
  return { images, fonts, fontKey: images.fontKeyOf(fonts), cacheDir, partDir };
}
let kit: Kit | undefined;

/** Pages read whole (their image drawn, found in the cache, or none of their own), by path. */
const settled = new Set<string>();

/**
 * The pages of the output folder that may have an image of their own and have not been settled. A folder whose
 * own page shares its section's image (previewImageUrl) is not entered: its pages share one too (a section's
 * items, further pages of an index, what cites an article), and they are most of the site. Should a page under
 * one have its own image, the pass after the pages draws it.
 */
function candidates(distDir: string): { path: string; file: string }[] {
  const found: { path: string; file: string }[] = [];
  const walk = (folder: string, path: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // not written yet, or the previous build's output being moved aside
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        const inner = `${path}${entry.name}/`;
        if (previewImageUrl(inner) === ogImageUrl(inner)) walk(join(folder, entry.name), inner);
      } else if (entry.name === 'index.html' && !settled.has(path))
        found.push({ path, file: join(folder, entry.name) });
    }
  };
  walk(distDir, '/');
  return found;
}

/** Reads a page if it is this build's and whole; draws its image into the cache when the cache lacks it. */
async function warm(page: { path: string; file: string }): Promise<boolean> {
  let html: string;
  try {
    // The previous build's pages stay until the output-folder integration moves them aside: not this build's.
    if (statSync(page.file).mtimeMs < since - CLOCK_SLACK_MS) return false;
    html = readFileSync(page.file, 'utf8');
  } catch {
    return false;
  }
  // Astro may be writing it: read it again later.
  if (!html.trimEnd().endsWith('</html>')) return false;
  kit ??= await loadKit();
  const { images, fonts, fontKey, cacheDir, partDir } = kit;
  settled.add(page.path);
  const found = images.pagePreview(page.path, html);
  if (found.kind !== 'own') return false;
  const cacheFile = images.previewCacheFile(cacheDir, fontKey, found.text);
  if (existsSync(cacheFile)) {
    report.cached++;
    return false;
  }
  const png = await images.renderOgImage(found.text, fonts);
  const part = join(partDir, cacheFile.slice(cacheDir.length + 1));
  writeFileSync(part, png);
  renameSync(part, cacheFile);
  report.drawn++;
  parentPort?.postMessage(report);
  return true;
}

async function main(): Promise<never> {
  for (;;) {
    let distDir: string | undefined;
    if (existsSync(outDirFile)) distDir = readFileSync(outDirFile, 'utf8');
    let drew = false;
    if (distDir !== undefined && existsSync(distDir)) {
      const started = performance.now();
      const pages = candidates(distDir);
      report.looks++;
      report.lookMs += performance.now() - started;
      for (const page of pages) if (await warm(page)) drew = true;
    }
    parentPort?.postMessage(report);
    if (!drew) await sleep(POLL_MS);
  }
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ ...report, failed: error instanceof Error ? error.message : String(error) });
});
