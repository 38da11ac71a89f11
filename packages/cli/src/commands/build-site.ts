import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PortbookError } from '@portbook/core/reader';
import { REPO_ROOT } from '@portbook/db/env';

export const SITE_ROOT = join(REPO_ROOT, 'site');
export const SITE_DIST = join(SITE_ROOT, 'dist');

/**
 * Builds the static site with the site's own build (pages, then the search index), in a child
 * process that shares stderr.
 */
export async function buildSite(): Promise<void> {
  const build = join(SITE_ROOT, 'scripts', 'build.ts');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [build], {
      cwd: SITE_ROOT,
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0 || !existsSync(SITE_DIST)) {
    throw new PortbookError('SITE_BUILD_FAILED', `the site build failed (exit ${code})`);
  }
}
