import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { e2ePort } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

// Serves dist/ (the production build, made by `npm run build` before this project runs).
export default async function setup(project: TestProject) {
  const dist = join(project.config.root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` before the e2e tests');
  const server = await serveStatic(dist, e2ePort);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
