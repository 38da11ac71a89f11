import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The property tests run a few hundred parses each: about 2 s on a quiet core, but over 5 s
    // (vitest's default limit) on shared cores under load. Time limits here catch hangs; speed
    // is measured in bench/.
    testTimeout: 60_000,
  },
});
