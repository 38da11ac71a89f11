import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      {
        // Every port page's facts against the API's, over one snapshot of the real history.
        resolve: {
          // As in api/: graphql 17's `development` build for our code and the production one for
          // Pothos (loaded by Node) would be two copies whose classes do not match.
          alias: [
            { find: /^graphql$/, replacement: fileURLToPath(import.meta.resolve('graphql')) },
          ],
        },
        test: {
          name: 'agreement',
          include: ['test/agreement/**/*.test.ts'],
          // About 45 s of CPU; a machine shared by several builds takes three times that.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Builds the whole site once (test/global-setup.ts), then drives Chromium against it.
        test: {
          name: 'browser',
          include: ['test/**/*.test.ts'],
          exclude: ['test/agreement/**'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
