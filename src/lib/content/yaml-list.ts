import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problem } from './problems.ts';

/** One item of a YAML list file, with the line it starts on. */
export interface YamlItem {
  /** The parsed item. */
  value: unknown;
  /** 1-based line where the item starts. */
  line: number;
  /** The item's `id` field when it is a string, for messages. */
  id: string | undefined;
}

/** Parses a YAML file that holds a list of entries; syntax errors and a non-list come back as problems. */
export function parseYamlList(file: string, text: string): { items: YamlItem[]; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      items: [],
      problems: document.errors.map((error) => ({
        file,
        line: error.linePos?.[0].line ?? 1,
        message: `malformed YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const root = document.contents;
  if (!isSeq(root)) {
    return { items: [], problems: [{ file, line: 1, message: 'expected a YAML list of entries, each starting with "- id: ..."' }] };
  }
  const values = document.toJS() as unknown[];
  const items = root.items.map((node, index) => {
    const line = node && typeof node === 'object' && 'range' in node && node.range ? lineCounter.linePos(node.range[0]).line : 1;
    const id = isMap(node) ? node.get('id') : undefined;
    return { value: values[index], line, id: typeof id === 'string' ? id : undefined };
  });
  return { items, problems: [] };
}
