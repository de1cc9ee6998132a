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

describe('work a pass leaves running', () => {
  const context = { root: '/site', distDir: '/site/dist/', site: 'https://example.org/', cacheDir: '/site/.astro/' };
  const quiet = () => ({ info: () => undefined, warn: () => undefined });
  const later = (ms: number, then: () => void): Promise<void> =>
    new Promise((resolve) => setTimeout(resolve, ms)).then(then);

  it('goes on beside the next passes and is done before a pass that runs alone', async () => {
    const done: string[] = [];
    await runAfterBuild(context, quiet, [
      { name: 'images', run: () => ({ rest: later(30, () => done.push('images drawn')) }) },
      { name: 'guard', run: () => void done.push('guard') },
      { name: 'search', alone: true, run: () => void done.push('search') },
    ]);
    expect(done).toEqual(['guard', 'images drawn', 'search']);
  });

  it('is awaited at the end when no pass runs alone after it', async () => {
    const done: string[] = [];
    await runAfterBuild(context, quiet, [
      { name: 'images', run: () => ({ rest: later(20, () => done.push('drawn')) }) },
    ]);
    expect(done).toEqual(['drawn']);
  });

  it('fails the run naming its pass, and no pass that runs alone begins', async () => {
    const done: string[] = [];
    const failure = runAfterBuild(context, quiet, [
      { name: 'images', run: () => ({ rest: later(10, () => Promise.reject(new Error('resvg: out of memory'))) }) },
      { name: 'guard', run: () => void done.push('guard') },
      { name: 'search', alone: true, run: () => void done.push('search') },
    ]);
    await expect(failure).rejects.toThrow('resvg: out of memory');
    await expect(failure).rejects.toMatchObject({ name: 'PassError', pass: 'images' });
    expect(done).toEqual(['guard']);
  });

  it("is the failure reported when a later pass fails too (the first in the passes' order), once it has ended", async () => {
    let ended = false;
    const failure = runAfterBuild(context, quiet, [
      {
        name: 'images',
        run: () => ({ rest: later(20, () => ((ended = true), Promise.reject(new Error('drawing failed')))) }),
      },
      {
        name: 'guard',
        run: () => {
          throw new Error('an address vanished');
        },
      },
    ]);
    await expect(failure).rejects.toMatchObject({ pass: 'images', message: 'drawing failed' });
    expect(ended).toBe(true);
  });

  it("lets a later pass's own failure through as it was thrown once the work left running has ended well", async () => {
    let ended = false;
    const vanished = new Error('an address vanished');
    const failure = runAfterBuild(context, quiet, [
      { name: 'images', run: () => ({ rest: later(20, () => void (ended = true)) }) },
      {
        name: 'guard',
        run: () => {
          throw vanished;
        },
      },
    ]);
    await expect(failure).rejects.toBe(vanished);
    expect(ended).toBe(true);
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
