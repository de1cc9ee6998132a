import { parseDocument } from 'yaml';
import type { Problem } from './problems.ts';

/** A Markdown file split into its parsed front matter and its body. */
export interface SplitMarkdown {
  /** The parsed YAML front matter. */
  data: unknown;
  /** The Markdown after the closing ---. */
  body: string;
  /** 1-based line on which the body starts, for error positions. */
  bodyLine: number;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * The body of a Markdown file with front matter (what follows the closing "---") and the line it starts on,
 * without reading the front matter; undefined when the file has none.
 */
export function markdownBody(text: string): { body: string; bodyLine: number } | undefined {
  const match = FENCE.exec(text);
  return match ? { body: text.slice(match[0].length), bodyLine: match[0].split('\n').length } : undefined;
}

/** Splits `text` into YAML front matter and body; YAML errors come back as problems with their line. */
export function splitFrontMatter(file: string, text: string): { result?: SplitMarkdown; problems: Problem[] } {
  const match = FENCE.exec(text);
  if (!match) {
    return {
      problems: [
        { file, line: 1, message: 'expected YAML front matter between two lines of "---" at the top of the file' },
      ],
    };
  }
  const yamlText = match[1] ?? '';
  const parsed = parseYaml(file, yamlText, 1);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const bodyLine = match[0].split('\n').length;
  return { result: { data: parsed.value, body: text.slice(match[0].length), bodyLine }, problems: [] };
}

/** Parses YAML text; syntax errors become problems naming the line (offset by `firstLine` - 1). */
export function parseYaml(file: string, text: string, firstLine = 0): { value: unknown; problems: Problem[] } {
  try {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    const problems = document.errors.map((error) => ({
      file,
      line: (error.linePos?.[0].line ?? 1) + firstLine,
      message: `malformed YAML: ${error.message.split('\n')[0]}`,
    }));
    return { value: problems.length > 0 ? undefined : document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems };
  } catch (error) {
    return { value: undefined, problems: [yamlLimitProblem(file, error, firstLine + 1)] };
  }
}

/** How many times the YAML parser expands aliases (*name) in one document before it refuses it (the `yaml` package's default). */
export const MAX_ALIAS_COUNT = 100;

/**
 * A problem for YAML the parser refused to expand or could not hold: an alias bomb (aliases of aliases
 * that expand to billions of values), nesting deeper than the parser takes. The parsers throw for these;
 * the message names the file and says what to do instead.
 */
export function yamlLimitProblem(file: string, error: unknown, line: number): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  const what = /alias/i.test(reason)
    ? 'its aliases (*name) expand to too many values'
    : 'it is beyond what the YAML parser takes';
  return {
    file,
    line,
    message: `malformed YAML: ${what} (${reason}); write the values out without *aliases or deep nesting`,
  };
}
