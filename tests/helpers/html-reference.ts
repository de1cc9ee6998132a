import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { ScannedPage } from '../../src/lib/security/html-scan.ts';

/** What src/lib/security/html-scan.ts must find, read from a full parse as a browser does it (hast-util-from-html). */
export function referenceScan(html: string): ScannedPage {
  const page: ScannedPage = { ids: [], scripts: [], styles: [] };
  const text = (node: Element): string =>
    node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const id = child.properties['id'];
      if (typeof id === 'string' && id !== '') page.ids.push(id);
      if (child.tagName === 'script' && child.properties['src'] === undefined) page.scripts.push(text(child));
      if (child.tagName === 'style') page.styles.push(text(child));
      walk(child.tagName === 'template' && child.content ? child.content : child);
    }
  };
  walk(fromHtml(html));
  return page;
}
