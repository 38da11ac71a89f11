import { PortbookError, type RegistrySnapshot } from '@portbook/core';
import { loadSnapshot } from '@portbook/db';
import { withDatabase } from '../open-database.ts';

/** Nothing runs alongside a command: phases need not yield to the event loop. */
const noPause = async () => {};

/**
 * The registry as the local database holds it (embedded or DATABASE_URL), read once; the
 * database is closed before the command formats anything. REGISTRY_EMPTY before a first sync.
 */
export async function openSnapshot(): Promise<RegistrySnapshot> {
  const snapshot = await withDatabase((database) => loadSnapshot(database.db, { pause: noPause }));
  if (snapshot.sources.length === 0) {
    throw new PortbookError(
      'REGISTRY_EMPTY',
      'the database holds no registry yet: run `./dev start` or `portbook sync` first',
    );
  }
  return snapshot;
}
