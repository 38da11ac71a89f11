import { createDatabase, loadSiteCatalog, type SiteCatalog } from '@portbook/db';

/**
 * The whole registry and its history, read once when the build starts (the database named by
 * `DATABASE_URL` or `PORTBOOK_DATA_DIR`); every page is rendered from this in memory.
 */
export const catalog: SiteCatalog = await readCatalog();

async function readCatalog(): Promise<SiteCatalog> {
  const database = createDatabase();
  try {
    const loaded = await loadSiteCatalog(database.db);
    if (loaded.sources.length === 0) {
      throw new Error('the database holds no registry: run `pnpm portbook sync` first');
    }
    return loaded;
  } finally {
    await database.close();
  }
}
