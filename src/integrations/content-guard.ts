import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { forgetCheckedContent, rememberCheckedContent } from '../data/checked-content.ts';
import { loadContentCheckCache, saveContentCheckCache } from '../data/content-check-cache.ts';
import { readContentSources } from '../data/read-sources.ts';
import { checkContent } from '../lib/content/check-content.ts';
import {
  readCollectionFiles,
  type ArticleRead,
  type ContentSources,
  type SourceFile,
} from '../lib/content/content-model.ts';
import type { StoredFileResults } from '../lib/content/file-results.ts';
import { ContentError, formatProblems } from '../lib/content/problems.ts';

/**
 * From how many articles to read (not kept from the last run) the guard reads them on a worker thread beside
 * its own, which reads the analysis files meanwhile: below it, starting the thread and loading its modules
 * (about 0.3 s) costs more than it saves.
 */
export const ARTICLES_ASIDE_FROM = 200;
/** The worker's heap bound: it holds the articles' text and what it read of them (about 30 MB at 1,000 articles). */
const ASIDE_HEAP_MB = 512;

/**
 * The article files `articles` read on their own on a worker thread (src/integrations/content-guard-worker.ts),
 * in their order; undefined when the worker fails (its heap bound, anything), and the guard's thread reads them.
 */
function readArticlesAside(root: string, articles: readonly SourceFile[]): Promise<ArticleRead[] | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(join(root, 'src', 'integrations', 'content-guard-worker.ts'), {
        workerData: { articles },
        resourceLimits: { maxOldGenerationSizeMb: ASIDE_HEAP_MB },
      });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (reply: { ok: boolean; reads?: ArticleRead[] }) => {
      void worker.terminate();
      resolve(reply.ok && reply.reads?.length === articles.length ? reply.reads : undefined);
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * Reads each file on its own ahead of the checks, two threads at once, when at least `asideFrom` article files
 * are not kept from the last run: the articles on a worker thread, the analysis files on this one, all into
 * `results`, where the checks take them from (the same functions read them, so the outcome is the same).
 */
async function readFilesAhead(
  root: string,
  sources: ContentSources,
  results: StoredFileResults,
  asideFrom: number,
): Promise<number> {
  const articles = sources.articles.filter((source) => !results.has('article', source));
  if (articles.length === 0 || articles.length < asideFrom || availableParallelism() < 2) return 0;
  const aside = readArticlesAside(root, articles);
  readCollectionFiles(sources, results);
  const reads = await aside;
  reads?.forEach((read, index) => results.set('article', articles[index]!, read));
  return reads?.length ?? 0;
}

/**
 * Runs every content check over the project at `root`; returns the problems, a summary line and how many article
 * files were read on the worker thread. Each file's own checks (parse, schema) are taken from the last run, kept in
 * `cacheDir`, when its text and the checking code are unchanged (src/data/content-check-cache.ts), and this run's
 * are kept there; the others are read on two threads when there are many (`asideFrom` articles or more:
 * readFilesAhead); the checks across files run in full every time.
 */
export async function runChecks(
  root: string,
  cacheDir: string,
  asideFrom = ARTICLES_ASIDE_FROM,
): Promise<{ problems: ContentError['problems']; summary: string; readAside: number }> {
  const sources = readContentSources(root);
  const results = loadContentCheckCache(root, cacheDir);
  const readAside = await readFilesAhead(root, sources, results, asideFrom);
  const { model, problems } = checkContent(sources, results);
  saveContentCheckCache(cacheDir, results);
  if (problems.length === 0) {
    const digests = new Map(
      Object.entries(sources.data).flatMap(([name, files]) =>
        // The key's digest of the file's text and of the checking code (the key's last part, after its kind and path).
        files.map((source) => [source.file, results.keyOf(name, source).split('\0').at(-1)!] as const),
      ),
    );
    rememberCheckedContent(root, Object.values(sources.data).flat(), model, sources.articles, digests);
  } else forgetCheckedContent(true);
  const entries = Object.values(model.data).reduce((sum, list) => sum + list.length, 0);
  const reused =
    results.hits === 0
      ? ''
      : `; ${results.hits} of ${results.hits + results.misses} files unchanged since the last check`;
  return {
    problems,
    summary: `content checked: ${model.articles.size} articles and ${entries} analysis entries, no problems${reused}`,
    readAside,
  };
}

/**
 * Checks all content before Astro builds anything and stops the build with every problem listed; in
 * `astro dev` it checks again whenever a file under content/ changes and logs what is wrong.
 */
export function contentGuard(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        const { problems, summary } = await runChecks(root, cacheDir);
        if (problems.length > 0) throw new ContentError(problems);
        logger.info(summary);
      },
      // The content layer has loaded what the guard checked (see src/data/checked-content.ts).
      'astro:build:start': () => forgetCheckedContent(),
      'astro:server:setup': ({ server, logger }) => {
        const recheck = (file: string): void => {
          if (file.startsWith(`${root}content`))
            runChecks(root, cacheDir).then(
              (outcome) => report(logger, outcome),
              (error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
            );
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}

function report(logger: AstroIntegrationLogger, { problems, summary }: Awaited<ReturnType<typeof runChecks>>): void {
  if (problems.length > 0) logger.error(formatProblems(problems));
  else logger.info(summary);
}
