import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataCollections, type DataCollectionName } from '../schemas/collections.ts';
import type { ContentSources, SourceFile } from '../lib/content/content-model.ts';

/** The files of one folder of `contentDir` whose names match `extension`, sorted, with paths relative to `root`. */
function readFolder(root: string, contentDir: string, folder: string, extension: RegExp): SourceFile[] {
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
    .map((name) => {
      const path = join(dir, name);
      return { file: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
    });
}

/** The YAML files of one analysis collection (content/<collection>/), sorted by path. */
export function readCollectionSources(root: string, collection: DataCollectionName, contentDir = join(root, 'content')): SourceFile[] {
  return readFolder(root, contentDir, collection, /\.ya?ml$/);
}

/** Reads every content file under `contentDir` (articles and analysis YAML), sorted by path, and lists the captures. */
export function readContentSources(root: string, contentDir = join(root, 'content')): ContentSources {
  const data = Object.fromEntries(
    (Object.keys(dataCollections) as DataCollectionName[]).map((name) => [name, readCollectionSources(root, name, contentDir)]),
  ) as Record<DataCollectionName, SourceFile[]>;
  let captures: string[];
  try {
    captures = readdirSync(join(contentDir, 'captures')).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    captures = [];
  }
  return { articles: readFolder(root, contentDir, 'articles', /\.md$/), data, captures };
}
