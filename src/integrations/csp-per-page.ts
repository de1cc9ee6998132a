import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { narrowPolicyToPage } from '../lib/security/csp.ts';
import { pageHead, previewsFromCsp } from './page-preview.ts';
import type { AfterBuildPass } from './pass.ts';

/** Files read and written at once: enough to keep libuv's thread pool busy while this thread hashes. */
const IN_FLIGHT = 16;

/** Every .html file under `folder`, sorted. */
function listHtml(folder: string, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) listHtml(path, found);
    else if (entry.name.endsWith('.html')) found.push(path);
  }
  return found;
}

/** How many threads share the pages: one per core, and none for a small site (a worker costs its start-up). */
const threadsFor = (pages: number): number => (pages < 2_000 ? 0 : Math.max(1, availableParallelism()));

/** What narrowing a share of the pages did: how many changed, and each page's head (PageHead as JSON) by its file. */
export interface Narrowed {
  narrowed: number;
  heads: [file: string, head: string][];
}

/**
 * Narrows the policy of every page of `files` on this thread (a worker runs it on its share); returns how many
 * changed and, for each page (index.html), what its head says of its preview (pageHead, read as the page is
 * narrowed: the preview-images pass that follows takes it instead of reading every page again).
 */
export async function narrowHere(files: readonly string[]): Promise<Narrowed> {
  let narrowed = 0;
  let next = 0;
  const heads: [string, string][] = [];
  const work = async (): Promise<void> => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      const html = await readFile(file, 'utf8');
      if (basename(file) === 'index.html') heads.push([file, JSON.stringify(pageHead(html))]);
      const result = narrowPolicyToPage(html);
      if (result !== html) {
        await writeFile(file, result);
        narrowed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, work));
  return { narrowed, heads };
}

/** The same on `threads` worker threads, each with every `threads`-th page (src/integrations/csp-per-page-worker.ts). */
async function narrowOnThreads(root: string, files: readonly string[], threads: number): Promise<Narrowed> {
  const workerFile = join(root, 'src', 'integrations', 'csp-per-page-worker.ts');
  const shares = await Promise.all(
    Array.from(
      { length: threads },
      (_, thread) =>
        new Promise<Narrowed>((resolve, reject) => {
          const share = files.filter((_, at) => at % threads === thread);
          const worker = new Worker(workerFile, { workerData: { files: share } });
          worker.once('message', (reply: ({ ok: true } & Narrowed) | { ok: false; message: string }) => {
            void worker.terminate();
            if (reply.ok) resolve({ narrowed: reply.narrowed, heads: reply.heads });
            else reject(new Error(`csp-per-page: ${reply.message}`));
          });
          worker.once('error', reject);
        }),
    ),
  );
  return {
    narrowed: shares.reduce((sum, share) => sum + share.narrowed, 0),
    heads: shares.flatMap((share) => share.heads),
  };
}

/** Narrows every page of `files`: on this thread (`threads` 0) or shared among `threads` worker threads. */
export function narrowPages(root: string, files: readonly string[], threads: number): Promise<Narrowed> {
  return threads === 0 ? narrowHere(files) : narrowOnThreads(root, files, threads);
}

/**
 * After the build, narrows each page's Content-Security-Policy to the hashes of its own inline code (see
 * lib/security/csp.ts); a large site's pages are shared among worker threads, one per core. What each page's
 * head says of its preview, read as it is narrowed, is left for the preview-images pass (previewsFromCsp).
 */
export const cspPerPagePass: AfterBuildPass = {
  name: 'csp-per-page',
  run: async (context, logger) => {
    const { root, distDir } = context;
    const files = listHtml(distDir);
    const threads = threadsFor(files.length);
    const { narrowed, heads } = await narrowPages(root, files, threads);
    previewsFromCsp.set(context, new Map(heads));
    logger.info(
      `narrowed the Content-Security-Policy of ${narrowed} pages to their own inline code${threads > 0 ? ` (${threads} threads)` : ''}`,
    );
  },
};
