// A worker of the csp-per-page pass: narrows the policy of each page in its share of the built pages
// (read, narrow, write back when changed) and replies with how many it changed. Runs under Node's own
// TypeScript support, like the preview-images pool.
import { readFile, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { narrowPolicyToPage } from '../lib/security/csp.ts';

/** Files read and written at once: enough to keep libuv's thread pool busy while this thread hashes. */
const IN_FLIGHT = 8;

const files = (workerData as { files: string[] }).files;
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
try {
  await Promise.all(Array.from({ length: IN_FLIGHT }, work));
  parentPort?.postMessage({ ok: true, narrowed });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? `${error.message}` : String(error) });
}
