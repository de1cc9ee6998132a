import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import {
  replaceStoreModule,
  STORE_MISMATCH_LINE,
  storeModuleFromFile,
} from '../../../src/integrations/data-store-module.ts';
import { projectRoot } from '../../helpers/content.ts';

// The module is run where the built pages' bundle runs it: a file whose `devalue` import resolves to the
// project's, so the folder lies in node_modules.
const folder = mkdtempSync(join(projectRoot, 'node_modules', '.data-store-module-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A store as Astro's content layer writes it: devalue's form of a Map of collections, curly quotes and all. */
const store = new Map<string, Map<string, unknown>>([
  [
    'articles',
    new Map([
      ['first', { id: 'first', data: { title: '“A” and ‘b’', date: new Date('2026-02-03T00:00:00Z') }, body: 'x' }],
    ]),
  ],
  ['people', new Map([['petro', { id: 'petro', data: { name: 'Gustavo Petro', roles: ['president'] } }]])],
]);
const storeFile = join(folder, 'data-store.json');
writeFileSync(storeFile, devalue.stringify(store));
/** Astro's module for that file, as its content plugin writes it in a build. */
const astroModule = `export default JSON.parse(${JSON.stringify(readFileSync(storeFile, 'utf8'))})`;

describe('replaceStoreModule', () => {
  it('leaves an empty store and a chunked store as Astro writes them', () => {
    expect(replaceStoreModule('export default new Map()', storeFile)).toBeUndefined();
    expect(replaceStoreModule('export default{"articles":[(await import("x"))]}', storeFile)).toBeUndefined();
  });

  it('leaves the module as it is when the store file is missing', () => {
    expect(replaceStoreModule(astroModule, join(folder, 'missing.json'))).toBeUndefined();
  });

  it('gives the same store as the map Astro makes of its own module, with the file’s text nowhere in the module', async () => {
    const replaced = replaceStoreModule(astroModule, storeFile) as string;
    expect(replaced).not.toContain('Gustavo Petro');
    const file = join(folder, 'same.mjs');
    writeFileSync(file, replaced);
    const { default: loaded } = (await import(pathToFileURL(file).href)) as { default: unknown };
    // What ImmutableDataStore.fromModule makes of Astro's module: devalue.unflatten of the parsed text.
    const fromAstro = devalue.unflatten(JSON.parse(readFileSync(storeFile, 'utf8')) as number[]);
    expect(loaded).toBeInstanceOf(Map);
    expect(loaded).toEqual(fromAstro);
    expect(loaded).toEqual(store);
  });

  it('stops the build, saying why, when the file is not the one bundled', () => {
    const file = join(folder, 'changed.mjs');
    writeFileSync(file, storeModuleFromFile(storeFile, 12));
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${STORE_MISMATCH_LINE} (${storeFile}: ${readFileSync(storeFile).length} bytes, 12 when the pages were bundled)`,
    );
  });
});
