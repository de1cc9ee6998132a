import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content.ts';

// One spelling of a word across our own wording (issue 17, a reader's review: "counter-narcotics" and
// "counternarcotics" on one site). The sources' words are theirs and keep the spelling they print: quoted words
// (`words`, a quotation's `text`), the stored articles and their captures; so do the log's records of a
// statement as it read before or after a change (`before`, `after`).
const HOUSE_SPELLINGS: Record<string, string> = {
  'counter-narcotics': 'counternarcotics',
  // British spelling, as the rest of our wording (a reader's review: "civilisations" and "civilizations" on /meeting/).
  civilization: 'civilisation',
};
const THEIRS = new Set(['words', 'before', 'after']);
const OUR_FOLDERS = ['events', 'issues', 'people', 'quotations', 'comparisons', 'meeting', 'corrections', 'outlets'];

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? yamlFiles(join(folder, entry.name))
      : /\.ya?ml$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}

/** Every string of our own wording in a parsed file, with where it is. */
function ourStrings(
  value: unknown,
  path: string,
  theirs: ReadonlySet<string>,
  key = '',
): { path: string; text: string }[] {
  if (typeof value === 'string') return theirs.has(key) ? [] : [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, at) => ourStrings(item, `${path}[${at}]`, theirs, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([name, item]) => ourStrings(item, `${path}.${name}`, theirs, name));
  return [];
}

describe('house spelling', () => {
  const strings = OUR_FOLDERS.flatMap((folder) =>
    yamlFiles(join(projectRoot, 'content', folder)).flatMap((file) =>
      // A quotation's `text` is the speaker's words; elsewhere `text` is ours (a meeting line, an issue's summary).
      ourStrings(
        yaml.load(readFileSync(file, 'utf8')),
        relative(projectRoot, file),
        folder === 'quotations' ? new Set([...THEIRS, 'text']) : THEIRS,
      ),
    ),
  );

  it('reads our wording (the content has it)', () => {
    expect(strings.length).toBeGreaterThan(500);
  });

  for (const [other, house] of Object.entries(HOUSE_SPELLINGS)) {
    it(`spells ${house} one way in our own wording`, () => {
      const found = strings.filter(({ text }) => text.toLowerCase().includes(other));
      expect(found.map(({ path, text }) => `${path}: ${text}`)).toEqual([]);
      expect(strings.some(({ text }) => text.toLowerCase().includes(house))).toBe(true);
    });
  }
});
