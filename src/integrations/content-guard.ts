import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { forgetCheckedContent, rememberCheckedContent } from '../data/checked-content.ts';
import { loadContentCheckCache, saveContentCheckCache } from '../data/content-check-cache.ts';
import { readContentSources } from '../data/read-sources.ts';
import { checkContent } from '../lib/content/check-content.ts';
import { ContentError, formatProblems } from '../lib/content/problems.ts';

/**
 * Runs every content check over the project at `root`; returns the problems and a summary line. With
 * `cacheDir`, each file's own checks (parse, schema) are taken from the last run when its text and the
 * checking code are unchanged (src/data/content-check-cache.ts), and this run's are kept there; the checks
 * across files run in full every time.
 */
function runChecks(root: string, cacheDir?: string): { problems: ContentError['problems']; summary: string } {
  const sources = readContentSources(root);
  const results = cacheDir === undefined ? undefined : loadContentCheckCache(root, cacheDir);
  const { model, problems } = checkContent(sources, results);
  if (results !== undefined && cacheDir !== undefined) saveContentCheckCache(cacheDir, results);
  if (problems.length === 0) rememberCheckedContent(root, Object.values(sources.data).flat(), model, sources.articles);
  else forgetCheckedContent(true);
  const entries = Object.values(model.data).reduce((sum, list) => sum + list.length, 0);
  const reused =
    results === undefined || results.hits === 0
      ? ''
      : `; ${results.hits} of ${results.hits + results.misses} files unchanged since the last check`;
  return {
    problems,
    summary: `content checked: ${model.articles.size} articles and ${entries} analysis entries, no problems${reused}`,
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
      'astro:config:setup': ({ config, logger }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        const { problems, summary } = runChecks(root, cacheDir);
        if (problems.length > 0) throw new ContentError(problems);
        logger.info(summary);
      },
      // The content layer has loaded what the guard checked (see src/data/checked-content.ts).
      'astro:build:start': () => forgetCheckedContent(),
      'astro:server:setup': ({ server, logger }) => {
        const recheck = (file: string): void => {
          if (file.startsWith(`${root}content`)) report(logger, runChecks(root, cacheDir));
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}

function report(logger: AstroIntegrationLogger, { problems, summary }: ReturnType<typeof runChecks>): void {
  if (problems.length > 0) logger.error(formatProblems(problems));
  else logger.info(summary);
}
