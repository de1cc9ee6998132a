import { renderAsync } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import satori from 'satori';
import {
  OG_IMAGE_HEIGHT,
  OG_IMAGE_WIDTH,
  OG_TEMPLATE_VERSION,
  ogImageTree,
  type OgFont,
  type OgImageText,
} from '../lib/seo/og-image.ts';
import type { DrawJob, WorkerReply, WorkerShare } from './preview-images-worker.ts';
import { listBuiltPages } from './built-pages.ts';
import type { AfterBuildPass } from './pass.ts';
import { pagePreview, previewFromHead, previewsFromCsp, type PageHead } from './page-preview.ts';

export { pagePreview, readPreview, type PagePreview } from './page-preview.ts';

/** The fonts the images are drawn with, from the @fontsource packages (WOFF: satori cannot read WOFF2). */
const FONT_FILES: readonly { name: OgFont['name']; file: string; weight: OgFont['weight'] }[] = [
  { name: 'Serif', file: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff', weight: 700 },
  { name: 'Sans', file: '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff', weight: 400 },
  { name: 'Sans', file: '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff', weight: 600 },
];

/** Loads the image fonts from node_modules under `root`. */
export function loadOgFonts(root: string): OgFont[] {
  return FONT_FILES.map((font) => ({
    name: font.name,
    weight: font.weight,
    style: 'normal',
    data: readFileSync(join(root, 'node_modules', font.file)),
  }));
}

/**
 * Draws a preview image as a 1200×630 PNG with the given local fonts only (no network). satori lays the
 * text out as SVG paths on this thread; resvg rasterises on libuv's thread pool, so callers that start
 * several at once keep both cores busy.
 */
export async function renderOgImage(text: OgImageText, fonts: readonly OgFont[]): Promise<Buffer> {
  // satori types its input as a React node; the plain element tree is what it reads.
  const svg = await satori(ogImageTree(text) as unknown as Parameters<typeof satori>[0], {
    width: OG_IMAGE_WIDTH,
    height: OG_IMAGE_HEIGHT,
    fonts: fonts.map((font) => ({ ...font })),
  });
  return svgToPng(svg);
}

async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  return image.asPng();
}

/** The folder of the drawn images, kept between builds: node_modules/.cache/og-images under `root`. */
export const previewCacheDir = (root: string): string => join(root, 'node_modules', '.cache', 'og-images');

/** The fonts' part of an image's cache key (a changed font file draws every image again). */
export const fontKeyOf = (fonts: readonly OgFont[]): string =>
  fonts.map((font) => `${font.name}${font.weight}:${font.data.length}`).join(',');

/** The cache file of the image showing `text`: keyed by the template's version, the fonts and the text. */
export function previewCacheFile(cacheDir: string, fontKey: string, text: OgImageText): string {
  const key = createHash('sha256')
    .update(JSON.stringify([OG_TEMPLATE_VERSION, fontKey, text]))
    .digest('hex')
    .slice(0, 32);
  return join(cacheDir, `${key}.png`);
}

/** The heap bound of a drawing worker (MB), the warm-up's (preview-images-warmup.ts). */
const WORKER_HEAP_MB = 256;

/**
 * Draws `jobs` and copies `copies` ([cache file, page's image]) on worker threads, at most `size`, each given its
 * share at once (every `size`-th job and copy) and replying when it is done: they go on whatever this thread does
 * meanwhile, even work that holds it for seconds without yielding. Memory stays bounded: one image in flight a
 * worker. Resolves when every worker is done; rejects with the first failure, every worker ended either way.
 */
export async function drawAndCopy(
  root: string,
  fonts: readonly OgFont[],
  jobs: readonly DrawJob[],
  copies: readonly [string, string][],
  size: number,
): Promise<void> {
  if (jobs.length === 0 && copies.length === 0) return;
  const workerFile = join(root, 'src', 'integrations', 'preview-images-worker.ts');
  // Copying alone needs no second thread; each drawing thread costs its start and its memory.
  const count = Math.max(1, Math.min(size, jobs.length));
  const shares = Array.from({ length: count }, (_, at): WorkerShare => ({
    draw: jobs.filter((_, index) => index % count === at),
    copy: copies.filter((_, index) => index % count === at),
  }));
  // Each worker's heap bounded as the warm-up's is (one image at a time needs far less): they run beside the
  // address guard, whose memory grows with the site.
  const workers = shares.map(
    () => new Worker(workerFile, { workerData: { fonts }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker, at) =>
          new Promise<void>((resolve, reject) => {
            worker.once('message', (reply: WorkerReply) => {
              if (reply.ok) resolve();
              else reject(new Error(`preview image could not be drawn: ${reply.message}`));
            });
            worker.once('error', reject);
            worker.postMessage(shares[at]);
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * Draws the preview images after the build, from what each page itself declares (og:title,
 * og:description, and the eyebrow on its og:image tag), and writes each where og:image points. Item pages
 * point to their section page's image (`previewImageUrl`), so only the home page, the articles, the
 * meeting and the section pages have images of their own. Images are cached by content in
 * node_modules/.cache/og-images (kept between builds), so an unchanged page is not drawn again, and the
 * rest are drawn by a pool of worker threads, one per core. Fails the build when a page has no preview or
 * points elsewhere.
 * The pass reads every page's head first (as the CSP pass read it, previewsFromCsp, or from the page when that pass
 * did not run before it), on its thread, and fails at once on a page without a proper preview;
 * the drawing and copying, which write only the images, is left running on the workers (`rest`) while the
 * passes that follow, the address guard and the map of ids, run on this thread (the core they leave idle
 * draws), and is awaited before the search index, which runs alone (src/integrations/after-build.ts).
 */
export const previewImagesPass: AfterBuildPass = {
  name: 'preview-images',
  run: (context, logger) => {
    const { root, distDir } = context;
    const started = performance.now();
    // The heads the CSP pass read as it narrowed each page, when it ran before in this run.
    const heads = previewsFromCsp.get(context);
    previewsFromCsp.delete(context);
    const fonts = loadOgFonts(root);
    const cacheDir = previewCacheDir(root);
    mkdirSync(cacheDir, { recursive: true });
    const fontKey = fontKeyOf(fonts);
    const problems: string[] = [];
    const jobs: DrawJob[] = [];
    const copies: [string, string][] = [];
    const drawn = new Set<string>();
    const shared = new Map<string, string>();
    for (const page of listBuiltPages(distDir)) {
      const head = heads?.get(page.file);
      const found =
        head === undefined
          ? pagePreview(page.path, readFileSync(page.file, 'utf8'))
          : previewFromHead(page.path, JSON.parse(head) as PageHead);
      if (found.kind === 'redirect') continue;
      if (found.kind === 'problem') {
        problems.push(`  - ${page.path}: ${found.problem}`);
        continue;
      }
      if (found.kind === 'shared') {
        shared.set(found.image, page.path);
        continue;
      }
      drawn.add(found.image);
      const cacheFile = previewCacheFile(cacheDir, fontKey, found.text);
      const out = join(distDir, ...found.image.split('/').filter(Boolean));
      mkdirSync(dirname(out), { recursive: true });
      if (existsSync(cacheFile)) copies.push([cacheFile, out]);
      else jobs.push({ text: found.text, files: [cacheFile, out] });
    }
    for (const [image, path] of shared) {
      if (!drawn.has(image))
        problems.push(`  - ${path}: shares the preview image ${image}, which no page draws; build its section page`);
    }
    if (problems.length > 0)
      throw new Error(['Preview images failed: pages without a proper preview.', ...problems].join('\n'));
    logger.info(
      `preview images: ${jobs.length} to draw and ${copies.length} from cache, read from the pages in ` +
        `${Math.round(performance.now() - started)} ms; drawn and copied beside the passes that follow`,
    );
    const rest = drawAndCopy(root, fonts, jobs, copies, availableParallelism()).then(() =>
      logger.info(
        `preview images: ${jobs.length} drawn, ${copies.length} from cache, in ${Math.round(performance.now() - started)} ms`,
      ),
    );
    return { rest };
  },
};
