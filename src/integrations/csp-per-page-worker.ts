// A worker of the csp-per-page pass: narrows the policy of each page in its share of the built pages
// (narrowHere: read, narrow, write back when changed) and replies with how many it changed and each page's head. Runs under
// Node's own TypeScript support, like the preview-images pool.
import { parentPort, workerData } from 'node:worker_threads';
import { narrowHere } from './csp-per-page.ts';

try {
  const { narrowed, heads } = await narrowHere((workerData as { files: string[] }).files);
  parentPort?.postMessage({ ok: true, narrowed, heads });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
