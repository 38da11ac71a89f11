import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The real source files (`../shared/data` beside the checkout, or `PORTBOOK_SHARED_DATA`).
 * Real-data tests run when it exists; in CI (`CI=true`) its absence is an error, never a skip.
 */
export function sharedDataDir(): string | undefined {
  const dir =
    process.env.PORTBOOK_SHARED_DATA ||
    fileURLToPath(new URL('../../../../shared/data', import.meta.url));
  if (existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`real-data tests need ${dir} (set PORTBOOK_SHARED_DATA)`);
  return undefined;
}

/** Absolute path of a file under the shared data directory, if present. */
export function sharedDataFile(relative: string): string | undefined {
  const dir = sharedDataDir();
  return dir ? `${dir}/${relative}` : undefined;
}
