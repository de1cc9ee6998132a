import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import type { DataCollectionName } from '../schemas/collections.ts';
import { parseYamlList } from '../lib/content/yaml-list.ts';
import { checkedEntriesOf } from './checked-content.ts';
import { readCollectionSources } from './read-sources.ts';

/**
 * Loads an analysis collection: every YAML list file in content/<collection>/, one entry per item, keyed
 * by its `id`. When the content guard has just checked these very files, its validated entries are
 * stored as they are (the YAML is not parsed and validated a second time), those of files unchanged since
 * the last build left as they are in the store; otherwise each item is parsed and validated against the
 * collection's schema here.
 */
export function yamlListLoader(collection: DataCollectionName): Loader {
  return {
    name: 'yaml-list-loader',
    load: async ({ store, parseData, config }) => {
      const root = fileURLToPath(config.root);
      const files = readCollectionSources(root, collection);
      const checked = checkedEntriesOf(root, collection, files);
      if (checked !== undefined) {
        // An entry is stored with its file's digest (of the file's text and of the checking code): Astro's store
        // keeps an entry whose digest it already has, as the last build stored it, without copying it again.
        const ids = new Set<string>();
        for (const { entry, file } of checked.entries) {
          ids.add(entry.id);
          const digest = checked.digests.get(file);
          if (digest !== undefined && store.get(entry.id)?.digest === digest) continue;
          // A copy, not the checked entry itself: the YAML parser's strings are slices of their file's text,
          // so each stored entry would keep its whole source file alive in Astro's store for the rest of the
          // build (about 50 MB at 1,000 articles, measured: docs/bench-build.md, "Memory").
          const data = structuredClone(entry) as Record<string, unknown>;
          store.set({ id: entry.id, data, filePath: file, ...(digest === undefined ? {} : { digest }) });
        }
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        return;
      }
      store.clear();
      for (const { file, text } of files) {
        for (const item of parseYamlList(file, text).items) {
          const id = String((item.value as { id?: unknown }).id);
          const data = await parseData({ id, data: item.value as Record<string, unknown>, filePath: file });
          store.set({ id, data, filePath: file });
        }
      }
    },
  };
}
