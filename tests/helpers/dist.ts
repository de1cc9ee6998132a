import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { builtPages, distDir } from './browser.ts';

const cache = new Map<string, Root>();

/** The parsed HTML of a built page ("/articles/x/"). */
export function pageTree(path: string): Root {
  let tree = cache.get(path);
  if (!tree) {
    tree = fromHtml(readFileSync(join(distDir, path, 'index.html'), 'utf8'));
    cache.set(path, tree);
  }
  return tree;
}

/** Every built page path. */
export const allPages = (): string[] => builtPages(distDir);

/** Text of an element without the controls the site adds (¶ links, "Cited by" links, pull-quote captions). */
export function blockText(element: Element): string {
  const copy = structuredClone(element);
  const strip = (node: Element): void => {
    node.children = node.children.filter(
      (child) =>
        !(child.type === 'element' && (child.tagName === 'figcaption' || [child.properties['className']].flat().some((name) => name === 'block-link' || name === 'cited-by-link'))),
    );
    node.children.forEach((child) => child.type === 'element' && strip(child));
  };
  strip(copy);
  return toString(copy).replace(/\s+/g, ' ').trim();
}
