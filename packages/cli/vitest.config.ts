import { defineConfig } from 'vitest/config';

// Each test runs `portbook` as child processes against a real database: slow, and CPU-bound.
export default defineConfig({
  test: { testTimeout: 300_000, hookTimeout: 120_000, fileParallelism: false },
});
