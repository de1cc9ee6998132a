import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE_URL_MISSING_LINE } from '../lib/links/site-origin.ts';
import { headerRules, headersFile } from '../lib/security/static-headers.ts';
import type { AfterBuildPass } from './pass.ts';

/** Options of the static-host integration. */
export interface StaticHostOptions {
  /** Whether the build's origin came from SITE_URL; when not, the build says so in one line. */
  originFromSetting: boolean;
}

/**
 * What a static host needs beyond the pages: one warning line when the build is not for a public origin
 * (SITE_URL unset), said as the build starts; the `_headers` file is the pass after the pages below.
 */
export function staticHost(options: StaticHostOptions): AstroIntegration {
  return {
    name: 'static-host',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!options.originFromSetting) logger.warn(SITE_URL_MISSING_LINE);
      },
    },
  };
}

/**
 * After the build, a `_headers` file (src/lib/security/static-headers.ts) with the response headers a `<meta>`
 * policy cannot carry.
 */
export const staticHostPass: AfterBuildPass = {
  name: 'static-host',
  run: async ({ distDir }, logger) => {
    const folders = readdirSync(distDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const rules = headerRules(folders);
    await writeFile(join(distDir, '_headers'), headersFile(rules));
    logger.info(`_headers written: ${rules.map((rule) => rule.path).join(', ')}`);
  },
};
