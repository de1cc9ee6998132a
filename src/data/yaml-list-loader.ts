import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import type { DataCollectionName } from '../schemas/collections.ts';
import { parseYamlList } from '../lib/content/yaml-list.ts';
import { readContentSources } from './read-sources.ts';

/** Loads an analysis collection: every YAML list file in content/<collection>/, one entry per item, keyed by its `id`. */
export function yamlListLoader(collection: DataCollectionName): Loader {
  return {
    name: 'yaml-list-loader',
    load: async ({ store, parseData, config }) => {
      const root = fileURLToPath(config.root);
      store.clear();
      for (const { file, text } of readContentSources(root).data[collection]) {
        for (const item of parseYamlList(file, text).items) {
          const id = String((item.value as { id?: unknown }).id);
          const data = await parseData({ id, data: item.value as Record<string, unknown>, filePath: file });
          store.set({ id, data, filePath: file });
        }
      }
    },
  };
}
