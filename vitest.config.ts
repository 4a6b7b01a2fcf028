import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/demo/**', 'test/types/**', 'node_modules/**'],
          restoreMocks: true,
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/demo/**/*.test.ts'],
        },
      },
      {
        test: {
          // Compiles framework fixture apps against the packed package (needs dist/).
          name: 'types',
          environment: 'node',
          include: ['test/types/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          // One Chromium per file; two cores, so keep files from all launching at once.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
