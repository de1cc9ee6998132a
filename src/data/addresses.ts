import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ADDRESS_FILES } from '../lib/links/addresses.ts';
import type { SourceFile } from '../lib/content/content-model.ts';

/** Reads content/addresses/: the published-address manifest and the aliases file, each when present. */
export function readAddressFiles(root: string): { manifest?: SourceFile; aliases?: SourceFile } {
  const read = (file: string): SourceFile | undefined => {
    const path = join(root, file);
    return existsSync(path) ? { file, text: readFileSync(path, 'utf8') } : undefined;
  };
  const manifest = read(ADDRESS_FILES.manifest);
  const aliases = read(ADDRESS_FILES.aliases);
  return { ...(manifest ? { manifest } : {}), ...(aliases ? { aliases } : {}) };
}

/** Writes the published-address manifest (only `npm run addresses:update` does this). */
export function writeManifest(root: string, text: string): void {
  const path = join(root, ADDRESS_FILES.manifest);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
