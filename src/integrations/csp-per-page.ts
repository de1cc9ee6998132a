import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { narrowPolicyToPage } from '../lib/security/csp.ts';
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

/** Narrows the policy of every page of `files` on this thread; returns how many changed (a worker runs it on its share). */
export async function narrowHere(files: readonly string[]): Promise<number> {
  let narrowed = 0;
  let next = 0;
  const work = async (): Promise<void> => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      const html = await readFile(file, 'utf8');
      const result = narrowPolicyToPage(html);
      if (result !== html) {
        await writeFile(file, result);
        narrowed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, work));
  return narrowed;
}

/** The same on `threads` worker threads, each with every `threads`-th page (src/integrations/csp-per-page-worker.ts). */
async function narrowOnThreads(root: string, files: readonly string[], threads: number): Promise<number> {
  const workerFile = join(root, 'src', 'integrations', 'csp-per-page-worker.ts');
  const counts = await Promise.all(
    Array.from(
      { length: threads },
      (_, thread) =>
        new Promise<number>((resolve, reject) => {
          const share = files.filter((_, at) => at % threads === thread);
          const worker = new Worker(workerFile, { workerData: { files: share } });
          worker.once('message', (reply: { ok: boolean; narrowed?: number; message?: string }) => {
            void worker.terminate();
            if (reply.ok) resolve(reply.narrowed ?? 0);
            else reject(new Error(`csp-per-page: ${reply.message}`));
          });
          worker.once('error', reject);
        }),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Narrows every page of `files`: on this thread (`threads` 0) or shared among `threads` worker threads. */
export function narrowPages(root: string, files: readonly string[], threads: number): Promise<number> {
  return threads === 0 ? narrowHere(files) : narrowOnThreads(root, files, threads);
}

/**
 * After the build, narrows each page's Content-Security-Policy to the hashes of its own inline code (see
 * lib/security/csp.ts); a large site's pages are shared among worker threads, one per core.
 */
export const cspPerPagePass: AfterBuildPass = {
  name: 'csp-per-page',
  run: async ({ root, distDir }, logger) => {
    const files = listHtml(distDir);
    const threads = threadsFor(files.length);
    const narrowed = await narrowPages(root, files, threads);
    logger.info(
      `narrowed the Content-Security-Policy of ${narrowed} pages to their own inline code${threads > 0 ? ` (${threads} threads)` : ''}`,
    );
  },
};
