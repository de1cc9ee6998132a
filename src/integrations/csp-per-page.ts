import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { narrowPolicyToPage } from '../lib/csp.ts';

/** After the build, narrows each page's Content-Security-Policy to the hashes of its own inline code (see lib/csp.ts). */
export function cspPerPage(): AstroIntegration {
  return {
    name: 'csp-per-page',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let narrowed = 0;
        const walk = (folder: string): void => {
          for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
            a.name.localeCompare(b.name),
          )) {
            const path = join(folder, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.name.endsWith('.html')) {
              const html = readFileSync(path, 'utf8');
              const result = narrowPolicyToPage(html);
              if (result !== html) {
                writeFileSync(path, result);
                narrowed += 1;
              }
            }
          }
        };
        walk(root);
        logger.info(`narrowed the Content-Security-Policy of ${narrowed} pages to their own inline code`);
      },
    },
  };
}
