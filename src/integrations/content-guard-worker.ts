// A worker of the content guard: reads the article files it is given on their own (front matter, schema, body
// blocks: readArticleFile, what the guard's thread would do) and replies with what it read, in their order,
// while the guard's thread reads the analysis files. Runs under Node's own TypeScript support, like the
// csp-per-page pass's workers.
import { parentPort, workerData } from 'node:worker_threads';
import { readArticleFile, type SourceFile } from '../lib/content/content-model.ts';

try {
  const reads = (workerData as { articles: SourceFile[] }).articles.map(readArticleFile);
  parentPort?.postMessage({ ok: true, reads });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
