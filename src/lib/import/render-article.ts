import { Document, Scalar } from 'yaml';

/** A block ready to be written: its kind, text as published, and id. */
export type RenderBlock =
  | { kind: 'paragraph' | 'heading'; text: string; id: string }
  | { kind: 'pullquote'; text: string; attribution: string; id: string }
  | { kind: 'embed'; platform: string; id: string };

/**
 * Escapes text so that Markdown (with directives, as the site reads it) gives back exactly this text:
 * every character Markdown could read as syntax is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>{}]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/:(?=[A-Za-z[{])/g, '\\:')
    .replace(/^([#+=|~-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An attribute value for a directive: in double quotes, or single quotes when it holds a double quote. */
function attribute(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new Error(`cannot write ${JSON.stringify(value)} as a directive attribute (it holds both kinds of quote)`);
}

/** The article body: one block per paragraph, each ending with its id, in the article Markdown format. */
export function renderBody(blocks: readonly RenderBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `${escapeMarkdown(block.text)} {#${block.id}}`;
        case 'heading':
          return `## ${escapeMarkdown(block.text)} {#${block.id}}`;
        case 'pullquote':
          return `:::pullquote{#${block.id} attribution=${attribute(block.attribution)}}\n${escapeMarkdown(block.text)}\n:::`;
        case 'embed':
          return `::embed{#${block.id} platform=${attribute(block.platform)}}`;
      }
    })
    .join('\n\n');
}

/** Front matter keys whose values must stay strings (YAML 1.1 reads 15:17 as a number). */
const QUOTED = new Set(['time', 'utcOffset']);

/**
 * The whole article file: YAML front matter (with a comment listing what is still to fill in), then
 * the body.
 */
export function renderArticle(data: Record<string, unknown>, todo: readonly string[], body: string): string {
  const document = new Document(data);
  const quote = (node: unknown, key?: string): void => {
    if (node instanceof Scalar && key !== undefined && QUOTED.has(key)) node.type = 'QUOTE_DOUBLE';
    if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
      for (const item of node.items as unknown[]) {
        if (item && typeof item === 'object' && 'key' in item && 'value' in item)
          quote(item.value, String((item.key as Scalar).value));
        else quote(item);
      }
    }
  };
  quote(document.contents);
  const yaml = document.toString({ lineWidth: 0 }).trimEnd();
  const comment =
    todo.length === 0
      ? ''
      : `\n# Still to fill in (npm run check:content names each until it is there):\n${todo.map((line) => `#   ${line}`).join('\n')}`;
  return `---\n${yaml}${comment}\n---\n\n${body}\n`;
}
