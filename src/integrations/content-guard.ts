import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { forgetCheckedContent, rememberCheckedContent } from '../data/checked-content.ts';
import { readContentSources } from '../data/read-sources.ts';
import { checkContent } from '../lib/content/check-content.ts';
import { ContentError, formatProblems } from '../lib/content/problems.ts';

/** Runs every content check over the project at `root`; returns the problems and a summary line. */
function runChecks(root: string): { problems: ContentError['problems']; summary: string } {
  const sources = readContentSources(root);
  const { model, problems } = checkContent(sources);
  if (problems.length === 0) rememberCheckedContent(root, Object.values(sources.data).flat(), model);
  else forgetCheckedContent();
  const entries = Object.values(model.data).reduce((sum, list) => sum + list.length, 0);
  return { problems, summary: `content checked: ${model.articles.size} articles and ${entries} analysis entries, no problems` };
}

/**
 * Checks all content before Astro builds anything and stops the build with every problem listed; in
 * `astro dev` it checks again whenever a file under content/ changes and logs what is wrong.
 */
export function contentGuard(): AstroIntegration {
  let root = '';
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        root = fileURLToPath(config.root);
        const { problems, summary } = runChecks(root);
        if (problems.length > 0) throw new ContentError(problems);
        logger.info(summary);
      },
      // The content layer has loaded what the guard checked (see src/data/checked-content.ts).
      'astro:build:start': () => forgetCheckedContent(),
      'astro:server:setup': ({ server, logger }) => {
        const recheck = (file: string): void => {
          if (file.startsWith(`${root}content`)) report(logger, runChecks(root));
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
