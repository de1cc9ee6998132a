import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { load } from 'js-yaml';
import { stringify } from 'yaml';
import { join, resolve } from 'node:path';

/** What of the project a copy needs to build: the code, the static files and the config, never content/. */
const PROJECT_PARTS = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'] as const;
/** Caches under node_modules that each copy keeps for itself (a cold build deletes them). */
const OWN_CACHES = new Set(['.astro', '.cache', '.vite', '.vite-temp']);

/**
 * Links every installed package of `from` into `<to>/node_modules`, one symlink each, so the copy uses
 * the same astro and plugins while its caches (node_modules/.astro, .cache/og-images) stay its own.
 */
export function linkNodeModules(from: string, to: string): void {
  const target = join(to, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(join(from, 'node_modules'))) {
    if (OWN_CACHES.has(name) || existsSync(join(target, name))) continue;
    symlinkSync(resolve(from, 'node_modules', name), join(target, name));
  }
}

/** Copies the site (code and config, not its content) from `root` into `to`, ready for a generated content/. */
export function copySite(root: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const part of PROJECT_PARTS) cpSync(join(root, part), join(to, part), { recursive: true });
  linkNodeModules(root, to);
}

/**
 * Writes the baseline: a plain Astro site that renders each article's Markdown with
 * @astrojs/markdown-remark's unified processor (its defaults, no plugins of ours) into a minimal layout,
 * plus one list page. No analysis, no checks, no preview images.
 */
export function writeBaseline(root: string, to: string): void {
  mkdirSync(join(to, 'src', 'pages', 'articles'), { recursive: true });
  writeFileSync(
    join(to, 'package.json'),
    JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2),
  );
  writeFileSync(
    join(to, 'astro.config.mjs'),
    `import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  markdown: { processor: unified(), syntaxHighlight: false },
  devToolbar: { enabled: false },
});
`,
  );
  writeFileSync(
    join(to, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { articles: defineCollection({ loader: glob({ pattern: '*.md', base: './content/articles' }) }) };
`,
  );
  const layout = (title: string, body: string): string =>
    `<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{${title}}</title></head><body><main>${body}</main></body></html>`;
  writeFileSync(
    join(to, 'src', 'pages', 'articles', '[id].astro'),
    `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
${layout('entry.data.title', '<h1>{entry.data.title}</h1><Content />')}
`,
  );
  writeFileSync(
    join(to, 'src', 'pages', 'index.astro'),
    `---
import { getCollection } from 'astro:content';

const articles = await getCollection('articles');
---
${layout('"Articles"', '<ul>{articles.map((entry) => <li><a href={`/articles/${entry.id}/`}>{entry.data.title}</a></li>)}</ul>')}
`,
  );
  linkNodeModules(root, to);
}

/** Removes what a previous build left, so the next one is cold: dist/, .astro/ and the copy's own caches. */
export function clearBuild(project: string): void {
  for (const part of ['dist', '.astro', ...[...OWN_CACHES].map((name) => join('node_modules', name))]) {
    rmSync(join(project, part), { recursive: true, force: true });
  }
}

/** What a built dist/ holds: its pages (index.html files), all its files and their bytes. */
export function measureOutput(dist: string): { pages: number; files: number; bytes: number } {
  const output = { pages: 0, files: 0, bytes: 0 };
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        output.files += 1;
        output.bytes += statSync(path).size;
        if (entry.name === 'index.html') output.pages += 1;
      }
    }
  };
  if (existsSync(dist)) walk(dist);
  return output;
}

/** Counts the pages (index.html files) under a built dist/. */
export function countPages(dist: string): number {
  return measureOutput(dist).pages;
}

/**
 * Changes one article the way an editor does: a sentence added to the end of its last paragraph (before
 * the paragraph's id), which keeps every quotation and cited word in place.
 */
export function touchArticle(project: string, run: number): string {
  const folder = join(project, 'content', 'articles');
  const name = readdirSync(folder).sort()[0] as string;
  const file = join(folder, name);
  const lines = readFileSync(file, 'utf8').split('\n');
  const paragraph = lines.findLastIndex((line) => /^[A-Z“].* \{#[a-z0-9-]+\}$/.test(line));
  if (paragraph === -1) throw new Error(`${file}: found no paragraph to edit`);
  lines[paragraph] = (lines[paragraph] as string).replace(/ \{#/, ` An editor added this sentence (${run}). {#`);
  writeFileSync(file, lines.join('\n'));
  return name;
}

/**
 * Adds one article the way an editor does, and cites it (`withAnalysis`): a follow-up by the outlet of the
 * newest article, a day later, reporting what that article reports (the same blocks, so every cited word is
 * there), compared with it in a new comparison point and dated in the timeline by a new event, both citing
 * its paragraphs. The baseline, which has no analysis, gets the article alone. Returns the new article's id.
 */
export function addCitedArticle(project: string, withAnalysis: boolean): string {
  const folder = join(project, 'content', 'articles');
  const newest = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }))
    .map((file) => ({ ...file, date: /\n {2}date: ['"]?(\d{4}-\d{2}-\d{2})/.exec(file.text)?.[1] ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name))
    .at(-1);
  if (newest === undefined) throw new Error(`${folder}: no article to follow up`);
  const source = newest.name.replace(/\.md$/, '');
  const id = `${source}-follow-up`;
  const next = new Date(Date.parse(newest.date) + 86_400_000).toISOString().slice(0, 10);
  const text = newest.text
    .replace(
      /\ntitle: (.*)\n/,
      (_line, title: string) => `\ntitle: ${JSON.stringify(`Follow-up: ${String(load(title))}`)}\n`,
    )
    .replaceAll(newest.date, next)
    .replace(/\n {2}file: .*\n/, `\n  file: synthetic-${id}.txt\n`);
  writeFileSync(join(folder, `${id}.md`), text);
  // The content check wants the capture an article names: the follow-up's is a copy of its source's.
  const captures = join(project, 'content', 'captures');
  const sourceCapture = /\n {2}file: ['"]?([^'"\n]+)/.exec(newest.text)?.[1];
  if (sourceCapture !== undefined && existsSync(join(captures, sourceCapture)))
    copyFileSync(join(captures, sourceCapture), join(captures, `synthetic-${id}.txt`));
  if (!withAnalysis) return id;

  // A comparison point with an account of the newest article: the new one reports it alike.
  const points = readdirSync(join(project, 'content', 'comparisons'))
    .sort()
    .flatMap(
      (name) => load(readFileSync(join(project, 'content', 'comparisons', name), 'utf8')) as Record<string, unknown>[],
    );
  type Account = {
    article: string;
    side?: string;
    text: string;
    quoted?: unknown;
    citations: { article: string; paragraph: string; words?: string }[];
  };
  const point = points.find((candidate) =>
    (candidate['accounts'] as Account[]).some((account) => account.article === source),
  );
  const account = (point?.['accounts'] as Account[] | undefined)?.find((candidate) => candidate.article === source);
  if (point === undefined || account === undefined) throw new Error(`no comparison point has an account of ${source}`);
  const { side: _side, ...alike } = account;
  const followUp = { ...alike, citations: alike.citations.map((citation) => ({ ...citation, article: id })) };
  writeFileSync(
    join(project, 'content', 'comparisons', 'follow-up.yaml'),
    stringify(
      [
        {
          id: `${id}-point`,
          topic: `The follow-up of ${source} and the report it follows`,
          agreement: 'agree',
          summary: 'Both report it alike, in our words.',
          accounts: [alike, { ...followUp, article: id }],
          issues: point['issues'],
        },
      ],
      { lineWidth: 0 },
    ),
  );
  writeFileSync(
    join(project, 'content', 'events', 'follow-up.yaml'),
    stringify(
      [
        {
          id: `${id}-event`,
          title: `A follow-up report on ${next}`,
          when: { date: next, precision: 'day' },
          summary: 'In our words, the report followed up a day later.',
          citations: followUp.citations,
          issues: point['issues'],
        },
      ],
      { lineWidth: 0 },
    ),
  );
  return id;
}
