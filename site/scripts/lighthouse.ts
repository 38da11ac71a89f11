import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { serveSite } from './static-server.ts';

// `pnpm --filter @portbook/site run lighthouse`: Lighthouse's mobile run on the built site's
// main kinds of page, printed as a table of the four category scores.
const SITE = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    /** The static server's port; Chromium's debugging port is the next one. */
    port: { type: 'string', default: '4180' },
    path: { type: 'string', multiple: true },
  },
});
// The release page is the heaviest: 13,055 changes, the first IANA XML after the 2008 text.
const PAGES = values.path ?? [
  '/',
  '/ports/22/',
  '/ranges/',
  '/history/',
  '/history/iana-2013-02-18/',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const dist = resolve(SITE, values.dist);
if (!existsSync(join(dist, 'index.html'))) {
  throw new Error(`${dist} holds no built site: run \`pnpm --filter @portbook/site build\` first`);
}
const port = Number(values.port);
const server = await serveSite(dist, port);
const profile = mkdtempSync(join(tmpdir(), 'portbook-lighthouse-'));
const chromium = await launchChromium(port + 1, profile);
try {
  const rows: string[][] = [];
  for (const path of PAGES) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: port + 1,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const categories = result?.lhr.categories ?? {};
    const score = (id: string) => {
      const value = categories[id]?.score;
      return value === null || value === undefined ? '—' : String(Math.round(value * 100));
    };
    rows.push([`\`${path}\``, ...CATEGORIES.map(score)]);
    // What cost points, so a score below 100 says what to fix.
    const missed = CATEGORIES.flatMap((id) =>
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (result?.lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id}/${ref.id}`),
    );
    process.stderr.write(
      `[lighthouse] ${path}: ${rows.at(-1)?.slice(1).join(' / ')}; ${measures(result?.lhr.audits ?? {})}${missed.length > 0 ? ` (missed: ${missed.join(', ')})` : ''}\n`,
    );
  }
  const header = ['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO'];
  const lines = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  chromium.kill();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

/** The figures behind the performance score, the page's element count and the load average. */
function measures(audits: Record<string, { numericValue?: number; details?: unknown }>): string {
  const value = (id: string) => audits[id]?.numericValue;
  const ms = (id: string) => `${Math.round(value(id) ?? Number.NaN)} ms`;
  // The DOM size insight's first row is the page's element count.
  const items = (
    audits['dom-size-insight']?.details as { items?: { value?: { value?: number } }[] }
  )?.items;
  const elements = items?.[0]?.value?.value;
  return [
    `FCP ${ms('first-contentful-paint')}`,
    `LCP ${ms('largest-contentful-paint')}`,
    `TBT ${ms('total-blocking-time')}`,
    `CLS ${(value('cumulative-layout-shift') ?? Number.NaN).toFixed(3)}`,
    `${elements ?? '?'} elements`,
    // The machine's load when the page was measured: total blocking time moves with it.
    `load ${loadavg()[0]?.toFixed(1)}`,
  ].join(', ');
}

/** Debian's Chromium with a debugging port for Lighthouse, as TOOLCHAIN.md says it runs here. */
async function launchChromium(debuggingPort: number, userDataDir: string): Promise<ChildProcess> {
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--remote-debugging-port=${debuggingPort}`,
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${debuggingPort}/json/version`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  child.kill();
  throw new Error(`${CHROMIUM} did not open its debugging port ${debuggingPort}`);
}
