import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureRoot, projectRoot } from '../helpers/content.ts';

// The real `npm run check:content -- <root>` on a copy of the fixture content with hostile files in it:
// each is a refusal naming its file, the command ends (no hang) with status 1 and prints no stack trace.
let dir: string;

function check(): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'check-content.ts'), dir], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-content-cli-'));
  cpSync(join(fixtureRoot, 'content'), join(dir, 'content'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check:content refuses hostile files without crashing or hanging', () => {
  it('passes the fixture content as it is', () => {
    const { status, stdout } = check();
    expect(stdout).toMatch(/^Content OK: 2 articles/);
    expect(status).toBe(0);
  });

  it('an alias bomb, a named pipe, a folder and a link where content files belong', () => {
    cpSync(
      join(projectRoot, 'tests', 'fixtures', 'bad-input', 'alias-bomb.yaml'),
      join(dir, 'content', 'people', 'bomb.yaml'),
    );
    expect(spawnSync('mkfifo', [join(dir, 'content', 'events', 'pipe.yaml')]).status).toBe(0);
    mkdirSync(join(dir, 'content', 'issues', 'folder.yaml'));
    writeFileSync(join(dir, 'outside.md'), readFileSync(join(dir, 'content', 'articles', 'second-article.md')));
    symlinkSync(join(dir, 'outside.md'), join(dir, 'content', 'articles', 'linked.md'));
    const { status, stderr } = check();
    expect(status).toBe(1);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr.split('\n')).toEqual([
      'Content check failed: 4 problems. Fix the file named on each line, then build again.',
      '  - content/issues/folder.yaml: is a folder; content files must be plain files in the repository: replace it with the file itself',
      '  - content/events/pipe.yaml: is a named pipe; content files must be plain files in the repository: replace it with the file itself',
      '  - content/articles/linked.md: is a symbolic link; content files must be plain files in the repository: replace it with the file itself',
      '  - content/people/bomb.yaml:1: malformed YAML: its aliases (*name) expand to too many values (Excessive alias count indicates a resource exhaustion attack); write the values out without *aliases or deep nesting',
      '',
    ]);
  });

  it('a javascript: address and a link in an article body', () => {
    const outlets = join(dir, 'content', 'outlets', 'outlets.yaml');
    writeFileSync(
      outlets,
      `${readFileSync(outlets, 'utf8')}  outside: { note: A note., source: A page, url: "javascript:alert(1)" }\n`,
    );
    const article = join(dir, 'content', 'articles', 'second-article.md');
    writeFileSync(
      article,
      readFileSync(article, 'utf8').replace('lasted two hours.', 'lasted [two hours](javascript:alert(1)).'),
    );
    const { status, stderr } = check();
    expect(status).toBe(1);
    expect(stderr).toContain(
      'content/outlets/outlets.yaml:1 › [0] (id "sample-outlet").outside.url: expected a web address starting with https:// or http://',
    );
    expect(stderr).toContain(
      'content/articles/second-article.md:16: a link (to "javascript:alert(1)") is not allowed in an article body',
    );
  });
});
