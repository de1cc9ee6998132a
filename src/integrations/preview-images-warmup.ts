import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PassLogger } from './pass.ts';

/** What the warm-up's worker is given. */
export interface WarmupData {
  /** The project's folder. */
  root: string;
  /** The file in which `astro build` writes its output folder's path (outDirFileOf in pass.ts) once it knows it. */
  outDirFile: string;
  /** When this build began (ms since the epoch): pages written before it are the previous build's. */
  since: number;
}

/** What the worker reports after each look at the output folder. */
export interface WarmupReport {
  /** Its folder for images being written (removed when it stops), once it has begun drawing. */
  partDir?: string;
  /** Images drawn into the cache. */
  drawn: number;
  /** Pages whose image was in the cache already. */
  cached: number;
  /** Looks at the output folder for new pages, and the time they took (ms). */
  looks: number;
  lookMs: number;
  /** Why it stopped, when it failed. */
  failed?: string;
}

/** Set to 0, `npm run build` draws no preview image before the pass after the pages (for comparisons). */
export const WARMUP_VARIABLE = 'PREVIEW_WARMUP';

/** The warm-up's worker heap bound: far above what drawing one image at a time needs (measured: docs/bench-build.md). */
const HEAP_MB = 256;

/**
 * Starts drawing the preview images while `astro build` renders (preview-images-warmup-worker.ts: one worker
 * thread, one image at a time, into node_modules/.cache/og-images only). It is a cache warm-up and nothing else:
 * the preview-images pass after the pages still reads every page and draws whatever the cache lacks, so the site
 * is the same with it or without it. `stop()`, called once Astro's process has ended, ends the worker wherever it
 * is and logs one line: what it drew, or why it failed (a failure only leaves the work to the pass).
 */
export function startPreviewWarmup(data: WarmupData, logger: PassLogger): { stop(): Promise<void> } {
  let last: WarmupReport | undefined;
  let failure: string | undefined;
  let worker: Worker;
  try {
    worker = new Worker(join(data.root, 'src', 'integrations', 'preview-images-warmup-worker.ts'), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      stop: async () =>
        logger.warn(`preview images warm-up did not start: ${message}; the preview-images pass draws every image`),
    };
  }
  const fail = (message: string): void => {
    if (failure !== undefined) return;
    failure = message;
    void worker.terminate();
  };
  worker.on('message', (report: WarmupReport) => {
    last = report;
    if (report.failed !== undefined) fail(report.failed);
  });
  worker.on('error', (error) => fail(error.message));
  // It must not keep the build's process alive on its own.
  worker.unref();
  return {
    stop: async () => {
      await worker.terminate();
      if (last?.partDir !== undefined) rmSync(last.partDir, { recursive: true, force: true });
      const peak = Math.round(process.resourceUsage().maxRSS / 1024);
      if (failure !== undefined)
        logger.warn(`preview images warm-up stopped: ${failure}; the preview-images pass draws what it lacks`);
      else
        logger.info(
          `preview images drawn while Astro rendered: ${last?.drawn ?? 0} (${last?.cached ?? 0} found in the cache); ` +
            `${last?.looks ?? 0} looks for new pages in ${Math.round(last?.lookMs ?? 0)} ms; this process's peak so far ${peak} MB`,
        );
    },
  };
}
