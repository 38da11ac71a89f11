import type { RegistrySnapshot } from '@portbook/core';
import { createDatabase, loadSnapshot } from '@portbook/db';

/**
 * The registry and its whole history as the API reads it (the database named by `DATABASE_URL`
 * or `PORTBOOK_DATA_DIR`), loaded once when the build starts: every page is rendered from it.
 */
export const snapshot: RegistrySnapshot = await readSnapshot();

async function readSnapshot(): Promise<RegistrySnapshot> {
  const database = createDatabase();
  try {
    const loaded = await loadSnapshot(database.db);
    if (loaded.sources.length === 0) {
      throw new Error('the database holds no registry: run `pnpm portbook sync` first');
    }
    return loaded;
  } finally {
    await database.close();
  }
}
