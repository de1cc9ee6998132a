import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readContentSources } from '../data/read-sources.ts';
import { checkContent } from '../lib/check-content.ts';
import { ContentError } from '../lib/problems.ts';

/** Checks all content before Astro builds anything, and stops the build with every problem listed. */
export function contentGuard(): AstroIntegration {
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { model, problems } = checkContent(readContentSources(root));
        if (problems.length > 0) throw new ContentError(problems);
        const count = [...Object.values(model.data)].reduce((sum, list) => sum + list.length, model.articles.size);
        logger.info(`content checked: ${model.articles.size} articles, ${count} entries in all, no problems`);
      },
    },
  };
}
