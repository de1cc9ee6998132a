import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_URL_MISSING_LINE } from '../lib/links/site-origin.ts';
import { headerRules, headersFile } from '../lib/security/static-headers.ts';

/** Options of the static-host integration. */
export interface StaticHostOptions {
  /** Whether the build's origin came from SITE_URL; when not, the build says so in one line. */
  originFromSetting: boolean;
}

/**
 * What a static host needs beyond the pages: one warning line when the build is not for a public origin
 * (SITE_URL unset), and a `_headers` file (src/lib/security/static-headers.ts) with the response headers a
 * `<meta>` policy cannot carry.
 */
export function staticHost(options: StaticHostOptions): AstroIntegration {
  return {
    name: 'static-host',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!options.originFromSetting) logger.warn(SITE_URL_MISSING_LINE);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const folders = readdirSync(out, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name);
        const rules = headerRules(folders);
        await writeFile(join(out, '_headers'), headersFile(rules));
        logger.info(`_headers written: ${rules.map((rule) => rule.path).join(', ')}`);
      },
    },
  };
}
