import { describe, expect, it } from 'vitest';
import { AFTER_BUILD_PASSES, parseHandoff, runAfterBuild } from '../../../src/integrations/after-build.ts';

describe('the passes after the pages', () => {
  it('run in the order the site needs: CSP, preview images, address guard, the map of ids, _headers, search index last', () => {
    expect(AFTER_BUILD_PASSES.map((pass) => pass.name)).toEqual([
      'csp-per-page',
      'preview-images',
      'address-guard',
      'fragment-map',
      'static-host',
      'search-index',
    ]);
  });

  it('stop at the first that fails, with its message', async () => {
    const asked: string[] = [];
    // No built site there: the CSP pass, the first, fails reading it, and no other pass is asked for a logger.
    await expect(
      runAfterBuild(
        { root: '/nowhere', distDir: '/nowhere/dist', site: 'https://example.org/', cacheDir: '/nowhere/.astro' },
        (name) => {
          asked.push(name);
          return { info: () => undefined, warn: () => undefined };
        },
      ),
    ).rejects.toThrow(/ENOENT.*\/nowhere\/dist/);
    expect(asked).toEqual(['csp-per-page']);
  });
});

describe('parseHandoff', () => {
  const context = {
    root: '/site',
    distDir: '/site/dist/',
    site: 'https://example.org/',
    cacheDir: '/site/node_modules/.astro/',
  };

  it('reads the context astro build handed over', () => {
    expect(parseHandoff('/tmp/context.json', JSON.stringify(context))).toEqual(context);
  });

  it('names the file and the field when the context is not whole', () => {
    expect(() => parseHandoff('/tmp/context.json', JSON.stringify({ ...context, distDir: '' }))).toThrow(
      '/tmp/context.json: "distDir" should be a non-empty string (written by afterBuild() in astro.config.mjs)',
    );
    expect(() => parseHandoff('/tmp/context.json', '{"root":')).toThrow(/^\/tmp\/context\.json: not JSON \(/);
  });
});
