import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../helpers/static-server.ts';

/** The port the built site is served on during end-to-end tests. */
export const E2E_PORT = 4390;

// Serves dist/ (the production build, made by `npm run build` before this project runs).
export default async function setup(project: TestProject) {
  const dist = join(project.config.root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` before the e2e tests');
  const server = await serveStatic(dist, E2E_PORT);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
