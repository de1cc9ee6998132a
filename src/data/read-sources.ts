import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataCollections, type DataCollectionName } from '../schemas/collections.ts';
import type { ContentSources, SourceFile } from '../lib/content/content-model.ts';
import type { Problem } from '../lib/content/problems.ts';

/**
 * The files of one folder of `contentDir` whose names match `extension`, sorted, with paths relative to
 * `root`. Only plain files are read: a link (which could publish a file from outside the repository), a
 * folder, a named pipe (which would hang the read) or a device is left out, and named in `problems`.
 */
function readFolder(root: string, contentDir: string, folder: string, extension: RegExp, problems: Problem[] = []): SourceFile[] {
  const dir = join(contentDir, folder);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => extension.test(name))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const file = relative(root, path).split('\\').join('/');
      const stats = lstatSync(path);
      if (!stats.isFile()) {
        const kind = stats.isSymbolicLink()
          ? 'a symbolic link'
          : stats.isDirectory()
            ? 'a folder'
            : stats.isFIFO()
              ? 'a named pipe'
              : 'not a regular file';
        problems.push({ file, message: `is ${kind}; content files must be plain files in the repository: replace it with the file itself` });
        return [];
      }
      return [{ file, text: readFileSync(path, 'utf8') }];
    });
}

/** The YAML files of one analysis collection (content/<collection>/), sorted by path. */
export function readCollectionSources(
  root: string,
  collection: DataCollectionName,
  contentDir = join(root, 'content'),
  problems: Problem[] = [],
): SourceFile[] {
  return readFolder(root, contentDir, collection, /\.ya?ml$/, problems);
}

/** Reads every content file under `contentDir` (articles and analysis YAML), sorted by path, and lists the captures. */
export function readContentSources(root: string, contentDir = join(root, 'content')): ContentSources {
  const unreadable: Problem[] = [];
  const data = Object.fromEntries(
    (Object.keys(dataCollections) as DataCollectionName[]).map((name) => [name, readCollectionSources(root, name, contentDir, unreadable)]),
  ) as Record<DataCollectionName, SourceFile[]>;
  let captures: string[];
  try {
    captures = readdirSync(join(contentDir, 'captures')).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    captures = [];
  }
  const articles = readFolder(root, contentDir, 'articles', /\.md$/, unreadable);
  return { articles, data, captures, ...(unreadable.length > 0 ? { unreadable } : {}) };
}
