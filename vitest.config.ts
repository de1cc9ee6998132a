import { defineConfig } from 'vitest/config';

// Two projects: "unit" (pure code, content, Markdown plugins, the real build's refusals) runs before
// the build; "e2e" drives the built site in Debian's Chromium and runs after it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/markdown/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/build/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/quality/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
