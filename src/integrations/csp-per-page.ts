import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { narrowPolicyToPage } from '../lib/security/csp.ts';

/** Files read and written at once: enough to keep libuv's thread pool busy while this thread hashes. */
const IN_FLIGHT = 16;

/** Every .html file under `folder`, sorted. */
function listHtml(folder: string, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) listHtml(path, found);
    else if (entry.name.endsWith('.html')) found.push(path);
  }
  return found;
}

/** After the build, narrows each page's Content-Security-Policy to the hashes of its own inline code (see lib/security/csp.ts). */
export function cspPerPage(): AstroIntegration {
  return {
    name: 'csp-per-page',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = listHtml(fileURLToPath(dir));
        let narrowed = 0;
        let next = 0;
        const work = async (): Promise<void> => {
          for (let file = files[next++]; file !== undefined; file = files[next++]) {
            const html = await readFile(file, 'utf8');
            const result = narrowPolicyToPage(html);
            if (result !== html) {
              await writeFile(file, result);
              narrowed += 1;
            }
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, work));
        logger.info(`narrowed the Content-Security-Policy of ${narrowed} pages to their own inline code`);
      },
    },
  };
}
