import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { MAX_ID_LENGTH } from '../../src/schemas/shared.ts';
import { distDir } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';

/** The longest file name the file systems we build on take, in bytes. */
const NAME_MAX = 255;

// The id bound (MAX_ID_LENGTH) must hold every file name the build and the importer derive from an id:
// every name in the real build's output (and the content files named after ids) that holds an id is
// measured as "the id plus what is added around it", and the id is then taken at the bound's full length.
describe('every file named after an id fits the file name limit at the longest id allowed', () => {
  const { model } = checkContent(readContentSources(projectRoot));
  const ids = [...Object.values(model.knownIds).flatMap((set) => [...set])].sort((a, b) => b.length - a.length);
  const names: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      names.push(entry.name);
      if (entry.isDirectory()) walk(join(folder, entry.name));
    }
  };
  walk(distDir);
  for (const folder of ['articles', 'captures']) names.push(...readdirSync(join(projectRoot, 'content', folder)));
  const derived = names.flatMap((name) => {
    const id = ids.find((candidate) => candidate.length >= 4 && name.includes(candidate));
    return id === undefined ? [] : [{ name, added: Buffer.byteLength(name) - id.length }];
  });

  it('finds the names derived from ids: page folders, preview images, article files', () => {
    expect(derived.length).toBeGreaterThan(100);
    const added = new Set(derived.map((entry) => entry.added));
    expect(added.has(0)).toBe(true); // a page's folder: /events/<id>/
    expect(added.has(4)).toBe(true); // a preview image: /og/articles/<id>.png
    expect(added.has(3)).toBe(true); // an article: content/articles/<id>.md
  });

  it(`keeps each within ${NAME_MAX} bytes with an id of ${MAX_ID_LENGTH} characters`, () => {
    const tooLong = derived.filter((entry) => MAX_ID_LENGTH + entry.added > NAME_MAX);
    expect(tooLong).toEqual([]);
    const widest = derived.reduce((most, entry) => Math.max(most, entry.added), 0);
    expect(MAX_ID_LENGTH + widest).toBeLessThanOrEqual(NAME_MAX);
  });
});
