import { parseIanaXml } from '@portbook/core';
import { createDatabase, type Database, importDocuments, migrate } from '@portbook/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import {
  canRunPostgresCluster,
  createPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster.ts';
import { registryState, waitForRegistry } from './registry-watcher.ts';
import { registryXml } from './synthetic-mirror.ts';

const edition = (updated: string, count: number) =>
  parseIanaXml(new TextEncoder().encode(registryXml(updated, count)), `${updated}.xml`);

describe.runIf(canRunPostgresCluster || process.env.CI)(
  'API instances on read-only databases: a streaming replica, a read-only role',
  () => {
    let primary: PostgresCluster;
    let replica: PostgresCluster;
    let database: Database;
    let api: ApiProcess;

    beforeAll(async () => {
      primary = await createPostgresCluster();
      database = createDatabase({ url: primary.url });
      await migrate(database);
      await importDocuments(database, [edition('2025-01-13', 300)]);
      replica = await createPostgresCluster({ standbyOf: primary });
      api = await startApiProcess({ DATABASE_URL: replica.url });
    }, 120_000);
    afterAll(async () => {
      await api?.stop();
      await database?.close();
      replica?.destroy();
      primary?.destroy();
    });

    it('start on the replica (read-only) and serve what the primary imports', async () => {
      expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
      expect(await registryState(api.url)).toEqual({
        updated: '2025-01-13',
        recordCount: 300,
        sourceCount: 1,
      });
      await importDocuments(database, [edition('2025-02-20', 350)]);
      expect(await waitForRegistry(api.url, (state) => state.updated === '2025-02-20')).toEqual({
        updated: '2025-02-20',
        recordCount: 350,
        sourceCount: 2,
      });
    }, 60_000);

    it('run as a read-only role with nothing but select grants, as docs/self-hosting.md sets up', async () => {
      if (database.kind !== 'postgres') throw new Error('postgres only');
      for (const statement of [
        'create role portbook_api login',
        'alter role portbook_api set default_transaction_read_only = on',
        'grant usage on schema public, drizzle to portbook_api',
        'grant select on all tables in schema public, drizzle to portbook_api',
      ]) {
        await database.client.unsafe(statement);
      }
      const url = new URL(primary.url);
      url.username = 'portbook_api';
      const readOnly = await startApiProcess({ DATABASE_URL: url.toString() });
      try {
        expect(await registryState(readOnly.url)).toEqual(await registryState(api.url));
      } finally {
        await readOnly.stop();
      }
    }, 60_000);

    it('refuse to start on a replica that lacks a migration, saying which', async () => {
      const fresh = await createPostgresCluster();
      const lagging = await createPostgresCluster({ standbyOf: fresh });
      try {
        await expect(startApiProcess({ DATABASE_URL: lagging.url })).rejects.toThrow(
          /DATABASE_UNAVAILABLE|read-only and lacks \d+ migration/,
        );
      } finally {
        lagging.destroy();
        fresh.destroy();
      }
    }, 120_000);
  },
);
