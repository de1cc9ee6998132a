// A worker of the preview-images pool: given its share of the pass's work in one message (images to draw, cached
// images to copy), does it all and replies once, so that it goes on while the pass's thread runs the passes that
// follow (the address guard and the map of ids read and write pages synchronously). Draws with satori (layout)
// and resvg (rasterising), loaded only when it has an image to draw. Runs under Node's own TypeScript support.
import { copyFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { OgFont, OgImageText } from '../lib/seo/og-image.ts';

/** One image to draw. */
export interface DrawJob {
  /** What the image shows. */
  text: OgImageText;
  /** Files to write the PNG to (the cache entry and the page's image). */
  files: string[];
}

/** A worker's share: the images it draws and the cached images it copies ([cache file, page's image]). */
export interface WorkerShare {
  draw: DrawJob[];
  copy: [from: string, to: string][];
}

/** The worker's reply once its share is done, or why it stopped. */
export type WorkerReply = { ok: true } | { ok: false; message: string };

const fonts = (workerData as { fonts: OgFont[] }).fonts.map((font) => ({ ...font, data: Buffer.from(font.data) }));

/** Draws one image (the pass's own renderOgImage, loaded with satori and resvg at the first) and writes it to each of its files. */
async function draw(job: DrawJob): Promise<void> {
  const { renderOgImage } = await import('./preview-images.ts');
  const png = await renderOgImage(job.text, fonts);
  for (const file of job.files) writeFileSync(file, png);
}

parentPort?.on('message', async (share: WorkerShare) => {
  try {
    for (const [from, to] of share.copy) copyFileSync(from, to);
    for (const job of share.draw) {
      await draw(job);
      // Back to the event loop between images: resvg's native images are released by finalizers that run there.
      // With resvg's synchronous render a loop of awaits never reached it (3.8 GB for the pass at 1,000 articles
      // with every image to draw, 0.86 GB with this turn); renderOgImage's asynchronous render returns through it
      // (0.91 GB without the turn, 0.87 GB with it), and the turn keeps that so whatever the renderer.
      await new Promise((resolve) => setImmediate(resolve));
    }
    parentPort?.postMessage({ ok: true } satisfies WorkerReply);
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerReply);
  }
});
