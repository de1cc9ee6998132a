import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from '../helpers/project-copy.ts';

// The real `astro build` on a copy of the project with the small fixture content: its addresses are
// recorded with `addresses:update`, then a paragraph id is renamed. The build must fail naming the
// vanished address, and pass again once content/addresses/aliases.yaml keeps the old id working.
let dir = '';
const article = () => join(dir, 'content', 'articles', 'sample-article.md');
const aliases = () => join(dir, 'content', 'addresses', 'aliases.yaml');

const build = (update = false) => buildProject(dir, { ADDRESSES_UPDATE: update ? '1' : '0' });

beforeAll(() => {
  dir = copyProject('address-guard-build-');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the address guard in a real build', () => {
  it('records every published address with the update command', () => {
    const { status, output } = build(true);
    expect(output).toContain('content/addresses/published.json rewritten');
    expect(status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'content', 'addresses', 'published.json'), 'utf8'));
    expect(manifest.pages['/articles/sample-article/']).toEqual(
      expect.arrayContaining(['a-section', 'leaders-met', 'no-deal']),
    );
  }, 120_000);

  it('fails when a published section id disappears, naming it and the fix', () => {
    writeFileSync(article(), readFileSync(article(), 'utf8').replace('{#a-section}', '{#the-section}'));
    const { status, output } = build();
    expect(status).not.toBe(0);
    expect(output).toContain(
      'Address check failed: 1 published address has vanished, so links people have shared would break.',
    );
    expect(output).toContain(
      '/articles/sample-article/#a-section: no element on /articles/sample-article/ has id "a-section" any more. Alias it: - { page: /articles/sample-article/, from: a-section, to: its-new-id }, or, if it moved to another page: - { page: /articles/sample-article/, from: a-section, toPage: /its/new/page/, to: its-id-there }',
    );
  }, 120_000);

  it('passes with an alias, and the old id is kept on the renamed section', () => {
    writeFileSync(
      aliases(),
      '- page: /articles/sample-article/\n  from: a-section\n  to: the-section\n  note: renamed in a test\n',
    );
    const { status, output } = build();
    expect(output).toContain(
      '1 new address is not in content/addresses/published.json yet (/articles/sample-article/#the-section); run `npm run addresses:update` and commit it so they are kept too',
    );
    expect(status).toBe(0);
    const html = readFileSync(join(dir, 'dist', 'articles', 'sample-article', 'index.html'), 'utf8');
    expect(html).toMatch(
      /<h2 id="the-section"><span id="a-section" data-alias-of="the-section"><\/span>A section heading/,
    );
  }, 120_000);

  it('refuses a malformed aliases file before building, naming file, line and field', () => {
    writeFileSync(aliases(), '- page: /articles/sample-article/\n  from: a-section\n  too: the-section\n');
    const { status, output } = build();
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/addresses/aliases.yaml:1 › [0]: unknown field "too"; check the spelling against the schema in src/schemas/',
    );
  }, 120_000);
});
