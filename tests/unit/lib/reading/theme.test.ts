import { describe, expect, it } from 'vitest';
import { THEME_ATTRIBUTE, THEME_BOOT_SCRIPT, THEME_STORAGE_KEY } from '../../../../src/lib/reading/theme.ts';

/** A stand-in <html>: its attributes. */
class Root {
  readonly attributes = new Map<string, string>();
  getAttribute = (name: string): string | null => this.attributes.get(name) ?? null;
  setAttribute = (name: string, value: string): void => void this.attributes.set(name, value);
  removeAttribute = (name: string): void => void this.attributes.delete(name);
}

/** A stand-in theme control: the hidden <label> and its <select>. */
function control() {
  const listeners: (() => void)[] = [];
  const select = { value: '', addEventListener: (_: string, listener: () => void) => listeners.push(listener) };
  return {
    hidden: true,
    select,
    querySelector: () => select,
    change: (value: string) => {
      select.value = value;
      listeners.forEach((listener) => listener());
    },
  };
}

/** Runs the script against a stand-in document and storage, the control in the page or not; returns what it touched. */
function run(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, withControl = true) {
  const root = new Root();
  const theme = control();
  const loaded: (() => void)[] = [];
  const document = {
    documentElement: root,
    addEventListener: (type: string, listener: () => void) => type === 'DOMContentLoaded' && loaded.push(listener),
    querySelector: (selector: string) => (withControl && selector === '[data-theme-control]' ? theme : null),
  };
  new Function('localStorage', 'document', THEME_BOOT_SCRIPT)(storage, document);
  const beforeParsed = root.getAttribute(THEME_ATTRIBUTE);
  loaded.forEach((listener) => listener());
  return { root, theme, beforeParsed };
}

const memory = (initial?: string) => {
  const stored = new Map<string, string>(initial === undefined ? [] : [[THEME_STORAGE_KEY, initial]]);
  return {
    stored,
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  };
};
const blocked = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('SecurityError');
  },
  removeItem: (): void => {
    throw new Error('SecurityError');
  },
};

describe('THEME_BOOT_SCRIPT', () => {
  it('applies the remembered theme to <html> before the page is parsed', () => {
    expect(run(memory('dark')).beforeParsed).toBe('dark');
    expect(run(memory('light')).beforeParsed).toBe('light');
  });

  it('leaves the system scheme when nothing is stored or storage is blocked', () => {
    expect(run(memory()).beforeParsed).toBeNull();
    expect(run(blocked).beforeParsed).toBeNull();
  });

  it('shows the control once the page is parsed, set to the current choice', () => {
    const dark = run(memory('dark'));
    expect([dark.theme.hidden, dark.theme.select.value]).toEqual([false, 'dark']);
    expect(run(memory()).theme.select.value).toBe('system');
    expect(() => run(memory(), false)).not.toThrow();
  });

  it('applies and remembers a choice; "system" forgets it; blocked storage still applies it', () => {
    const storage = memory();
    const { root, theme } = run(storage);
    theme.change('light');
    expect([root.getAttribute(THEME_ATTRIBUTE), storage.stored.get(THEME_STORAGE_KEY)]).toEqual(['light', 'light']);
    theme.change('system');
    expect([root.getAttribute(THEME_ATTRIBUTE), storage.stored.has(THEME_STORAGE_KEY)]).toEqual([null, false]);
    const off = run(blocked);
    off.theme.change('dark');
    expect(off.root.getAttribute(THEME_ATTRIBUTE)).toBe('dark');
  });

  it('is self-contained ES5 (no import, no arrow function, no let/const), small enough to sit in <head>', () => {
    expect(THEME_BOOT_SCRIPT.length).toBeLessThan(600);
    expect(THEME_BOOT_SCRIPT).not.toMatch(/\bimport\b|=>|\blet\b|\bconst\b/);
  });
});
