import type { ContentModel, LoadedEntry, SourceFile } from '../lib/content/content-model.ts';
import type { DataCollectionName } from '../schemas/collections.ts';

/**
 * What the content guard checked, handed to the collection loaders so that the analysis YAML is parsed
 * and validated once per build rather than twice (the guard's pass, then Astro's loaders). The guard runs
 * in Astro's own process and the loaders in the module graph Vite loads content.config.ts into, so the
 * hand-over lives on `globalThis` under a registered symbol. A loader takes the checked entries only when
 * it reads exactly the files, with exactly the text, that the guard checked; otherwise (`astro dev` after
 * an edit, a loader run without the guard) it parses and validates the files itself.
 */
interface Checked {
  root: string;
  files: Map<string, string>;
  model: ContentModel;
}

const KEY = Symbol.for('petro-trump-analysis/checked-content');
const registry = globalThis as { [KEY]?: Checked | undefined };

/** Records content that passed every check (`sources` as read, `model` as checked), for the loaders. */
export function rememberCheckedContent(root: string, files: readonly SourceFile[], model: ContentModel): void {
  registry[KEY] = { root, files: new Map(files.map(({ file, text }) => [file, text])), model };
}

/** Drops the record (after the content layer has loaded it), so its memory is freed for the pages. */
export function forgetCheckedContent(): void {
  registry[KEY] = undefined;
}

/**
 * The checked entries of `collection` if the guard checked exactly these files of it (same paths, same
 * text) in the project at `root`; undefined otherwise.
 */
export function checkedEntriesOf<K extends DataCollectionName>(
  root: string,
  collection: K,
  files: readonly SourceFile[],
): ContentModel['data'][K] | undefined {
  const checked = registry[KEY];
  if (checked === undefined || checked.root !== root) return undefined;
  const entries = checked.model.data[collection];
  const checkedFiles = new Set(entries.map((entry: LoadedEntry<unknown>) => entry.file));
  for (const { file } of files) checkedFiles.add(file);
  for (const file of checkedFiles) {
    const text = files.find((source) => source.file === file)?.text;
    if (text === undefined || checked.files.get(file) !== text) return undefined;
  }
  return entries;
}
