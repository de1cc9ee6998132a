import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { distDir } from '../helpers/browser.ts';

/** One built HTML file: its path in dist/, the site path it is served at, its text and its parsed tree. */
export interface BuiltFile {
  /** Path relative to dist/, with forward slashes ("articles/x/index.html"). */
  file: string;
  /** The address it is served at ("/articles/x/"). */
  url: string;
  /** The HTML as written. */
  html: string;
  /** The document, parsed as a browser would. */
  tree: Root;
}

/** Every file under `dir`, relative to it, with forward slashes, sorted. */
export function listFiles(dir = distDir): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** The site address of an HTML file in dist/ ("articles/x/index.html" → "/articles/x/"). */
export const urlOfFile = (file: string): string => `/${file}`.replace(/index\.html$/, '');

let cache: BuiltFile[] | undefined;

/** Every HTML file of the built site, parsed once per test file. */
export function builtHtml(): BuiltFile[] {
  cache ??= listFiles()
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(join(distDir, file), 'utf8');
      return { file, url: urlOfFile(file), html, tree: fromHtml(html) };
    });
  return cache;
}

/** Every element of a tree, in document order. */
export function elements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    found.push(node);
  });
  return found;
}

/** An attribute as a string, as the browser would read it (hast keeps class and rel as lists). */
export function attr(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/** The text inside an element (for <script> and <style>). */
export function rawText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}
