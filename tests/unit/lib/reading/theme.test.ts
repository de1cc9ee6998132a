import { describe, expect, it } from 'vitest';
import { THEME_ATTRIBUTE, THEME_BOOT_SCRIPT, THEME_STORAGE_KEY } from '../../../../src/lib/reading/theme.ts';

/** Runs the boot script against a stand-in document and storage; returns the attribute it set, if any. */
function boot(storage: { getItem(key: string): string | null }): string | undefined {
  const set = new Map<string, string>();
  const document = { documentElement: { setAttribute: (name: string, value: string) => set.set(name, value) } };
  new Function('localStorage', 'document', THEME_BOOT_SCRIPT)(storage, document);
  return set.get(THEME_ATTRIBUTE);
}

describe('THEME_BOOT_SCRIPT', () => {
  it('applies the remembered theme to <html>', () => {
    expect(boot({ getItem: (key) => (key === THEME_STORAGE_KEY ? 'dark' : null) })).toBe('dark');
    expect(boot({ getItem: () => 'light' })).toBe('light');
  });

  it('leaves the system scheme when nothing is stored or storage is blocked', () => {
    expect(boot({ getItem: () => null })).toBeUndefined();
    expect(
      boot({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBeUndefined();
  });

  it('is small, self-contained ES5 (no import, no arrow function, no let/const)', () => {
    expect(THEME_BOOT_SCRIPT.length).toBeLessThan(160);
    expect(THEME_BOOT_SCRIPT).not.toMatch(/\bimport\b|=>|\blet\b|\bconst\b/);
  });
});
