import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDatabase, registryInfo } from '@portbook/db';

const CLI = fileURLToPath(new URL('../../packages/cli/src/main.ts', import.meta.url));

/** How many documents the configured database holds; an unmigrated or missing one holds none. */
async function documentCount(): Promise<number> {
  const database = createDatabase();
  try {
    return (await registryInfo(database.db)).sourceCount;
  } catch {
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * A fresh clone has an empty database: load it through the CLI's sync first (same
 * `DATABASE_URL`, `PORTBOOK_DATA_DIR` and `PORTBOOK_MIRROR`), so `pnpm build` always works.
 */
export async function ensureData(log: (line: string) => void): Promise<void> {
  if ((await documentCount()) > 0) return;
  log('the database is empty: loading the registry with `portbook sync`');
  const result = spawnSync(process.execPath, [CLI, 'sync'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`portbook sync failed (exit ${result.status})`);
}
