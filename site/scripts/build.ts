import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PORT_MAX, PORT_MIN } from '@portbook/core';
import { siteEnv } from '../src/env.ts';
import { ensureData } from './ensure-data.ts';
import { precompress } from './precompress.ts';
import { buildSearchIndex } from './search-index.ts';

// `pnpm build` in site/: load the data if the database is empty, build every page, index them.
const SITE = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = resolve(SITE, values.out);
const log = (line: string) => process.stderr.write(`[site] ${line}\n`);
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const settings = siteEnv();
if (!settings.siteUrl) {
  log(
    'PORTBOOK_SITE_URL is not set: canonical links, the sitemaps and the feed use relative links and robots.txt names no sitemap. Set it to the public origin (https://ports.example.org) for a public build.',
  );
}
if (settings.ports.low !== PORT_MIN || settings.ports.high !== PORT_MAX) {
  log(`PORTBOOK_SITE_PORTS: building port pages ${settings.ports.low}-${settings.ports.high} only`);
}
await ensureData(log);
// astro's package exports do not include its bin, so it is run from the package directory.
const astro = join(SITE, 'node_modules', 'astro', 'bin', 'astro.mjs');
const build = spawnSync(process.execPath, [astro, 'build', '--outDir', out], {
  cwd: SITE,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) {
  log(`astro build failed (exit ${build.status})`);
  process.exit(1);
}
log(`pages built into ${out} after ${seconds()}`);
const indexed = await buildSearchIndex(out);
log(`search index of ${indexed} pages written after ${seconds()}`);
const compressed = await precompress(out);
log(`${compressed} large files precompressed (.br, .gz) after ${seconds()}`);
