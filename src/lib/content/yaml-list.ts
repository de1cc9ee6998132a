import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { MAX_ALIAS_COUNT, yamlLimitProblem } from './front-matter.ts';
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

/**
 * Parses a YAML file that holds a list of entries; syntax errors and a non-list come back as problems.
 * A well-formed file in the usual layout (a block list, each item starting with "- " at the start of a
 * line) takes the fast path (js-yaml, YAML 1.2's core schema, the same as the `yaml` package's default,
 * duplicate keys refused); anything else, malformed files included, goes through the `yaml` package's
 * document parser, which also gives the messages and lines of problems. The two agree on every file the
 * fast path takes (tests/unit/lib/content/yaml-list.test.ts); at 1,000 articles the fast path is about 15
 * times quicker, and it was most of the content guard's time.
 */
export function parseYamlList(file: string, text: string): { items: YamlItem[]; problems: Problem[] } {
  return parseYamlListFast(text) ?? parseYamlListFull(file, text);
}

/** An alias (*name) where YAML allows one: after a space, an indicator or at a line's start (text such as "a *word*" matches too, and only costs the fast path). */
const MAY_HOLD_ALIAS = /(?:^|[\s[{,:-])\*[^\s,\]}]/m;

/** Lines (1-based) where a top-level block list item starts: "-" at column 0, then a space or the line's end. */
function itemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let at = 0; at < text.length; ) {
    if (text.charCodeAt(at) === 45 /* - */) {
      const after = text.charCodeAt(at + 1);
      if (after === 32 || after === 10 || after === 13 || Number.isNaN(after)) lines.push(line);
    }
    const end = text.indexOf('\n', at);
    if (end === -1) break;
    at = end + 1;
    line += 1;
  }
  return lines;
}

/** The fast path, or undefined when the file needs the full parser (an error, not a list, another layout). */
function parseYamlListFast(text: string): { items: YamlItem[]; problems: Problem[] } | undefined {
  // js-yaml sets no bound on aliases: a file that may use them goes to the full parser, which has one.
  if (MAY_HOLD_ALIAS.test(text)) return undefined;
  let values: unknown;
  try {
    values = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!Array.isArray(values)) return undefined;
  const lines = itemLines(text);
  if (lines.length !== values.length) return undefined;
  const items = values.map((value: unknown, index) => {
    const id = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { id?: unknown }).id : undefined;
    return { value, line: lines[index] as number, id: typeof id === 'string' ? id : undefined };
  });
  return { items, problems: [] };
}

/** The full parser: positions for every node, the `yaml` package's messages for malformed files. */
export function parseYamlListFull(file: string, text: string): { items: YamlItem[]; problems: Problem[] } {
  try {
    return readYamlListFull(file, text);
  } catch (error) {
    // The parser throws for an alias bomb and for what it cannot hold: a problem naming the file instead.
    return { items: [], problems: [yamlLimitProblem(file, error, 1)] };
  }
}

function readYamlListFull(file: string, text: string): { items: YamlItem[]; problems: Problem[] } {
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
  const values = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown[];
  const items = root.items.map((node, index) => {
    const line = node && typeof node === 'object' && 'range' in node && node.range ? lineCounter.linePos(node.range[0]).line : 1;
    const id = isMap(node) ? node.get('id') : undefined;
    return { value: values[index], line, id: typeof id === 'string' ? id : undefined };
  });
  return { items, problems: [] };
}
