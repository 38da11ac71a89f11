import { defineConfig } from 'astro/config';
import { siteEnv } from './src/env.ts';

export default defineConfig({
  site: siteEnv().siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory' },
  vite: {
    build: {
      // Workspace packages run as TypeScript source under Node, where their own dependencies resolve.
      // (`@portbook/software` also reads its data files beside its source.)
      rolldownOptions: { external: ['@portbook/core', '@portbook/db', '@portbook/software'] },
      // Scripts stay files: an inlined script loses Vite's dynamic-import helper (search breaks).
      assetsInlineLimit: 0,
    },
  },
});
