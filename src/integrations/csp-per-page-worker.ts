// A worker of the csp-per-page pass: narrows the policy of each page in its share of the built pages
// (narrowHere: read, narrow, write back when changed) and replies with how many it changed. Runs under
// Node's own TypeScript support, like the preview-images pool.
import { parentPort, workerData } from 'node:worker_threads';
import { narrowHere } from './csp-per-page.ts';

try {
  const narrowed = await narrowHere((workerData as { files: string[] }).files);
  parentPort?.postMessage({ ok: true, narrowed });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
