// A worker of the preview-images pool: draws one preview image per message (satori lays the text out,
// resvg rasterises) and writes it to the cache and to dist/. Runs under Node's own TypeScript support.
import { Resvg } from '@resvg/resvg-js';
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import satori from 'satori';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH, ogImageTree, type OgFont, type OgImageText } from '../lib/seo/og-image.ts';

/** One image to draw. */
export interface DrawJob {
  /** What the image shows. */
  text: OgImageText;
  /** Files to write the PNG to (the cache entry and the page's image). */
  files: string[];
}

const fonts = (workerData as { fonts: OgFont[] }).fonts.map((font) => ({ ...font, data: Buffer.from(font.data) }));

parentPort?.on('message', async (job: DrawJob) => {
  try {
    const svg = await satori(ogImageTree(job.text) as unknown as Parameters<typeof satori>[0], {
      width: OG_IMAGE_WIDTH,
      height: OG_IMAGE_HEIGHT,
      fonts,
    });
    const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
    for (const file of job.files) writeFileSync(file, png);
    parentPort?.postMessage({ ok: true });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
