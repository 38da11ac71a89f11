import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A bare Astro project with `pages` minimal pages (a title and a heading each), configured like
 * the site (directory output, trailing slashes), using the site's own Astro install.
 */
export function writeBareAstroProject(dir: string, pages: number, siteNodeModules: string): void {
  mkdirSync(join(dir, 'src', 'pages', 'p'), { recursive: true });
  symlinkSync(siteNodeModules, join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'package.json'),
    '{ "name": "bare-astro", "private": true, "type": "module" }\n',
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });\n",
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'p', '[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) }, props: { n } }));
}
const { n } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>
`,
  );
}
