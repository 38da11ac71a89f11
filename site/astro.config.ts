import { defineConfig } from 'astro/config';
import { siteEnv } from './src/env.ts';

export default defineConfig({
  site: siteEnv().siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Workspace packages run as TypeScript source under Node, where their own dependencies resolve.
  vite: { build: { rolldownOptions: { external: ['@portbook/core', '@portbook/db'] } } },
});
