import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A page of a built site: its path ("/", "/events/x/") and its index.html file. */
export interface BuiltPage {
  path: string;
  file: string;
}

/** Every page of a built site, sorted by path. */
export function listBuiltPages(distDir: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') {
        const rel = relative(distDir, folder).split(sep).join('/');
        pages.push({ path: rel === '' ? '/' : `/${rel}/`, file: full });
      }
    }
  };
  walk(distDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}
