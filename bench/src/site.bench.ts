import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '@portbook/site/search-index';
import type { BenchSuite } from './harness.ts';
import { sharedDataDir, timed } from './harness.ts';
import { writeBareAstroProject } from './site-baseline.ts';
import { type ProcessRun, runNode } from './site-process.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SITE = join(REPO, 'site');
const CLI = join(REPO, 'packages', 'cli', 'src', 'main.ts');
const ASTRO = join(SITE, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** Site and bare builds alternate this many times; the fastest of each counts (2 shared cores). */
const RUNS = Number(process.env.PORTBOOK_BENCH_SITE_RUNS) || 2;

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

function fastest(runs: ProcessRun[]): ProcessRun {
  return runs.reduce((best, run) => (run.ms < best.ms ? run : best));
}

/**
 * The site's Astro build (every port, service and document page) from the real history,
 * against a bare Astro build of as many minimal pages, alternating in the same run; then the
 * Pagefind index of the site.
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
    const dist = join(work, 'dist');
    const bareDir = join(work, 'bare');
    try {
      await runNode([CLI, 'sync', '--mirror', sharedDataDir()], { cwd: REPO, env });
      const siteRuns: ProcessRun[] = [];
      const bareRuns: ProcessRun[] = [];
      let pages = 0;
      for (let run = 0; run < RUNS; run++) {
        rmSync(dist, { recursive: true, force: true });
        siteRuns.push(await runNode([ASTRO, 'build', '--outDir', dist], { cwd: SITE, env }));
        pages ||= Number(/(\d+) page\(s\) built/.exec(siteRuns[0]?.stdout ?? '')?.[1]);
        if (run === 0) writeBareAstroProject(bareDir, pages, join(SITE, 'node_modules'));
        bareRuns.push(await runNode([ASTRO, 'build'], { cwd: bareDir, env }));
      }
      const site = fastest(siteRuns);
      const bare = fastest(bareRuns);
      const baseline = { name: `bare Astro, ${pages} minimal pages`, value: bare.ms };
      report({
        name: `site pages (${pages}), fastest of ${RUNS}`,
        value: site.ms,
        unit: 'ms',
        baseline,
        aim: { text: 'within 1.5x of the bare build', met: site.ms <= 1.5 * bare.ms },
      });
      report({
        name: 'pages per second',
        value: pages / (site.ms / 1000),
        unit: 'pages/s',
        baseline: { name: 'bare Astro', value: pages / (bare.ms / 1000) },
      });
      if (site.peakMb !== undefined && bare.peakMb !== undefined) {
        report({
          name: 'peak memory',
          value: site.peakMb,
          unit: 'MB',
          baseline: { name: 'bare Astro', value: bare.peakMb },
        });
      }
      const index = await timed(() => buildSearchIndex(dist));
      report({
        name: `search index (Pagefind, ${index.result} pages)`,
        value: index.ms,
        unit: 'ms',
      });
      report({
        name: 'site build with search index',
        value: site.ms + index.ms,
        unit: 'ms',
        baseline,
      });
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
