import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The property tests run a few hundred parses each: about 2 s on a quiet core, but over 5 s
    // (vitest's default limit) on shared cores under load. Time limits here catch hangs; speed
    // is measured in bench/.
    testTimeout: 60_000,
    // The tests share no state: one worker per file cost ~30 s of module loading (75 s -> 42 s).
    isolate: false,
  },
});
