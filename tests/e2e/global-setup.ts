import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, e2ePort } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

// Serves dist/ (the production build, made by `npm run build` before this project runs), or E2E_DIST.
export default async function setup() {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` before the e2e tests');
  const server = await serveStatic(distDir, e2ePort);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
