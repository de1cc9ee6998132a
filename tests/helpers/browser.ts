import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from './content.ts';

/** The port the built site is served on during e2e tests: 4390, or E2E_PORT when that is taken. */
export const e2ePort = Number(process.env['E2E_PORT'] ?? 4390);

/** Where the built site is served during e2e tests (see tests/e2e/global-setup.ts). */
export const baseUrl = `http://127.0.0.1:${e2ePort}`;

/** The built site: dist/, or the folder E2E_DIST names (the third-source test runs the quality gates on its own build). */
export const distDir = process.env['E2E_DIST'] ?? join(projectRoot, 'dist');

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags Chromium needs in this sandbox (no downloads, no background network). */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium headless with the flags this sandbox needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/** Every page of the built site, as a path ("/", "/articles/x/"), sorted. */
export function builtPages(dir = distDir): string[] {
  const pages: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') pages.push(`/${relative(dir, folder).split('\\').join('/')}/`.replace(/^\/\/$/, '/').replace('//', '/'));
    }
  };
  walk(dir);
  return pages.sort();
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
