import { defineConfig } from 'vitest/config';

// The real-data test streams the whole pack (1.7 GB decompressed) and parses ~490 documents.
export default defineConfig({ test: { testTimeout: 600_000 } });
