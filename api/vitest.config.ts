import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 17 ships a `development` build that vite would pick for our code while Pothos and
    // yoga, loaded by Node, get the production one: two copies whose classes do not match.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(import.meta.resolve('graphql')) }],
  },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // Test files share the loaded modules (schema, core) instead of loading them per file: ~30 s.
    isolate: false,
  },
});
