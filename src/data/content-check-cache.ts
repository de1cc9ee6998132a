import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileResults, type StoredFileResults } from '../lib/content/file-results.ts';

/** The module whose work on each file is kept (loadContent), from which the checking code is followed. */
const CHECKING_CODE = join('src', 'lib', 'content', 'content-model.ts');

/** The file the results are kept in, under the build's cache folder (node_modules/.astro/). */
export const CONTENT_CHECKS_FILE = 'content-checks.bin';

/** Relative and package imports of a module's text (import and export … from, import '…'). */
const IMPORTS = /^\s*(?:import|export)\b[^'"]*?['"]([^'"]+)['"]/gm;

/**
 * A digest of the code that checks a file on its own: the text of `entry` and of every module of the project
 * it imports, followed transitively, and the name and version of every package they import. Any change to
 * that code (a schema, a parser, a message) changes the digest, and with it every file's key.
 */
export function checkingCodeDigest(root: string, entry = join(root, CHECKING_CODE)): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    hash.update(`${file.slice(root.length)}\0${text}\0`);
    for (const [, specifier] of text.matchAll(IMPORTS)) {
      if (specifier === undefined || specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(entry);
  for (const name of [...packages].sort()) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    const version = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version
      : 'not installed';
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest('base64url');
}

/**
 * The content checks' per-file results kept in `cacheDir` by the last build (none when there are none, when
 * the checking code has changed since, or when the file cannot be read), ready for this run.
 */
export function loadContentCheckCache(root: string, cacheDir: string): StoredFileResults {
  const code = checkingCodeDigest(root);
  const file = join(cacheDir, CONTENT_CHECKS_FILE);
  let previous = new Map<string, unknown>();
  if (existsSync(file)) {
    try {
      const kept = deserialize(readFileSync(file)) as { code?: unknown; results?: unknown };
      if (kept.code === code && kept.results instanceof Map) previous = kept.results as Map<string, unknown>;
    } catch {
      // A file cut short (a build stopped while writing it): checked from scratch, written anew below.
    }
  }
  return fileResults(code, previous);
}

/**
 * Keeps this run's results for the next build, when they differ from the last's (only those of files this
 * run read: a file removed or changed leaves nothing behind); written whole under another name, then renamed, so a stopped build leaves the old
 * file or the new, never part of one.
 */
export function saveContentCheckCache(cacheDir: string, results: StoredFileResults): void {
  if (!results.changed) return;
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, CONTENT_CHECKS_FILE);
  writeFileSync(`${file}.partial`, serialize({ code: results.code, results: results.current }));
  renameSync(`${file}.partial`, file);
}
