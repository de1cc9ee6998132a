import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataCollections, type DataCollectionName } from '../schemas/collections.ts';
import type { ContentSources, SourceFile } from '../lib/content/content-model.ts';

/** Reads every content file under `contentDir` (articles and analysis YAML), sorted by path. */
export function readContentSources(root: string, contentDir = join(root, 'content')): ContentSources {
  const read = (folder: string, extension: RegExp): SourceFile[] => {
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
  };
  const data = Object.fromEntries(
    (Object.keys(dataCollections) as DataCollectionName[]).map((name) => [name, read(name, /\.ya?ml$/)]),
  ) as Record<DataCollectionName, SourceFile[]>;
  return { articles: read('articles', /\.md$/), data };
}
