// Screenshots of built pages for a look before calling UI work done:
// `npm run screenshots -- /path/ /other/` (default: every page) → screenshots/<name>-<width>-<scheme>.png
// A path may carry a fragment or a text fragment (`/articles/x/#para`, `/articles/x/#para:~:text=words`)
// to see how a shared link lands.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtPages, launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const dist = resolve('dist');
const out = resolve('screenshots');
mkdirSync(out, { recursive: true });
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : builtPages(dist);
const server = await serveStatic(dist, 4391);
const browser = await launchBrowser();
for (const path of paths) {
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: width > 600 ? 900 : 844 }, colorScheme: scheme });
      await page.goto(`http://127.0.0.1:4391${path}`, { waitUntil: 'networkidle' });
      // Chromium applies text fragments after load.
      if (path.includes('#')) await page.waitForTimeout(500);
      const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
      const file = join(out, `${name}-${width}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: process.env['FULL'] === '1' });
      console.log(file);
      await page.close();
    }
  }
}
await browser.close();
server.close();
