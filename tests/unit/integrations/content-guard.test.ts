import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CONTENT_CHECKS_FILE } from '../../../src/data/content-check-cache.ts';
import { checkedBlocksOf, forgetCheckedContent } from '../../../src/data/checked-content.ts';
import { runChecks } from '../../../src/integrations/content-guard.ts';
import { formatProblems } from '../../../src/lib/content/problems.ts';
import { markdownBody } from '../../../src/lib/content/front-matter.ts';
import { fixtureRoot, projectRoot } from '../../helpers/content.ts';

// The content guard reads the article files on a worker thread beside its own when there are many to read
// (runChecks' `asideFrom`): what it finds, keeps for the next build and hands the pages must be what it finds
// on one thread. Here the worker is used from the first article (asideFrom 0) and compared with one thread.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => forgetCheckedContent(true));

const temp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** A project of the fixture content (its code the project's own, linked), with `edit` made to one article. */
function fixtureProject(edit: (text: string) => string = (text) => text): string {
  const root = temp('guard-root-');
  symlinkSync(join(projectRoot, 'src'), join(root, 'src'));
  cpSync(join(fixtureRoot, 'content'), join(root, 'content'), { recursive: true });
  const article = join(root, 'content', 'articles', 'sample-article.md');
  writeFileSync(article, edit(readFileSync(article, 'utf8')));
  return root;
}

/** The checks at `root` with the articles read on a worker (`aside`) or on this thread, from an empty cache. */
async function check(root: string, aside: boolean) {
  const cacheDir = temp('guard-cache-');
  const outcome = await runChecks(root, cacheDir, aside ? 0 : Infinity);
  const kept = deserialize(readFileSync(join(cacheDir, CONTENT_CHECKS_FILE))) as { results: Map<string, unknown> };
  return { ...outcome, kept: kept.results };
}

describe('the content guard with the articles read on a worker thread', () => {
  it('finds, keeps for the next build and hands the pages what it finds on one thread (the site and the fixture set)', async () => {
    for (const root of [projectRoot, fixtureProject()]) {
      const alone = await check(root, false);
      const bodies = readdirArticles(root).map((text) => markdownBody(text)!.body.trim());
      const blocksAlone = bodies.map((body) => checkedBlocksOf(body));
      forgetCheckedContent(true);
      const aside = await check(root, true);
      expect(aside.problems).toEqual([]);
      expect(alone.readAside).toBe(0);
      expect(aside.readAside).toBe(bodies.length);
      expect(aside.summary).toBe(alone.summary);
      // Every file's own result as kept for the next build, the articles' included.
      expect([...aside.kept.keys()].filter((key) => key.startsWith('article\0')).length).toBe(bodies.length);
      expect(aside.kept).toEqual(alone.kept);
      expect(blocksAlone.every((blocks) => blocks !== undefined)).toBe(true);
      expect(bodies.map((body) => checkedBlocksOf(body))).toEqual(blocksAlone);
    }
  }, 60_000);

  it('stops on bad content with the message of one thread, naming file and field', async () => {
    const root = fixtureProject((text) => text.replace('date: 2026-02-03', 'date: 2026-02-30'));
    const alone = await check(root, false);
    const aside = await check(root, true);
    expect(aside.readAside).toBe(2);
    expect(formatProblems(aside.problems)).toBe(formatProblems(alone.problems));
    expect(formatProblems(aside.problems)).toContain(
      'content/articles/sample-article.md › published.date: expected a real calendar date written YYYY-MM-DD (for example 2026-02-03)',
    );
    expect(aside.kept).toEqual(alone.kept);
  }, 60_000);
});

/** The texts of the article files at `root`, in the order the guard reads them. */
function readdirArticles(root: string): string[] {
  const folder = join(root, 'content', 'articles');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8'));
}
