import { defineConfig } from 'vitest/config';

// Every test opens a real database (PGlite takes seconds to create on a busy 2-core machine).
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
