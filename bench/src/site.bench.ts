import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from './harness.ts';
import { sharedDataDir } from './harness.ts';
import { writeBareAstroProject } from './site-baseline.ts';
import { runNode } from './site-process.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SITE = join(REPO, 'site');
const CLI = join(REPO, 'packages', 'cli', 'src', 'main.ts');
const ASTRO = join(SITE, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Files and bytes under a directory. */
function directorySize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** `[site] pages built into … after 93.1 s`: the Astro part of the site build, from its own log. */
function phaseSeconds(stderr: string, phase: string): number {
  const match = new RegExp(`\\[site\\] ${phase}.* after ([\\d.]+) s`).exec(stderr);
  if (!match) throw new Error(`the site build did not report "${phase}"`);
  return Number(match[1]);
}

/**
 * The full site build (every port, service and document page, then the search index) from the
 * real history, against a bare Astro build of as many minimal pages, in the same run.
 */
const suite: BenchSuite = {
  title: 'site build',
  async run(report) {
    const work = mkdtempSync(join(tmpdir(), 'portbook-site-bench-'));
    const env = {
      ...process.env,
      PORTBOOK_DATA_DIR: join(work, 'pglite'),
      DATABASE_URL: '',
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    try {
      await runNode([CLI, 'sync', '--mirror', sharedDataDir()], { cwd: REPO, env });
      const dist = join(work, 'dist');
      const site = await runNode([join(SITE, 'scripts', 'build.ts'), '--out', dist], {
        cwd: SITE,
        env,
      });
      const pages = Number(/(\d+) page\(s\) built/.exec(site.stdout + site.stderr)?.[1]);
      const astroMs = phaseSeconds(site.stderr, 'pages built') * 1000;
      const indexMs = phaseSeconds(site.stderr, 'search index') * 1000 - astroMs;

      const bareDir = join(work, 'bare');
      writeBareAstroProject(bareDir, pages, join(SITE, 'node_modules'));
      const bare = await runNode([ASTRO, 'build'], { cwd: bareDir, env });
      const baseline = { name: `bare Astro, ${pages} minimal pages`, value: bare.ms };

      report({
        name: `site pages (${pages}), Astro only`,
        value: astroMs,
        unit: 'ms',
        baseline,
        aim: { text: 'within 1.5x of the bare build', met: astroMs <= 1.5 * bare.ms },
      });
      report({ name: 'site build with search index', value: site.ms, unit: 'ms', baseline });
      report({ name: 'search index (Pagefind)', value: indexMs, unit: 'ms' });
      report({
        name: 'pages per second (Astro)',
        value: pages / (astroMs / 1000),
        unit: 'pages/s',
        baseline: { name: 'bare Astro', value: pages / (bare.ms / 1000) },
      });
      if (site.peakMb !== undefined && bare.peakMb !== undefined) {
        report({
          name: 'peak memory of the site build',
          value: site.peakMb,
          unit: 'MB',
          baseline: { name: 'bare Astro', value: bare.peakMb },
        });
      }
      const output = directorySize(dist);
      report({
        name: `output (${output.files} files)`,
        value: output.bytes / 1024 / 1024,
        unit: 'MB',
        baseline: {
          name: 'bare Astro',
          value: directorySize(join(bareDir, 'dist')).bytes / 1024 / 1024,
        },
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

export default suite;
