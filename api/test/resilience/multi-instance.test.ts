import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIanaXml } from '@portbook/core';
import { importDocuments } from '@portbook/db';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, graphql, startApiProcess } from './api-process.ts';
import { parseSamples, sample } from './prometheus-text.ts';
import { canRunRedisServer, createRedisServer, type RedisServer } from './redis-server.ts';
import { waitForRegistry, watchRegistry } from './registry-watcher.ts';
import { startCli } from './sync-process.ts';
import { registryXml } from './synthetic-mirror.ts';

const OLD = { updated: '2025-01-13', recordCount: 400, sourceCount: 1 };
const NEW = { updated: '2025-02-20', recordCount: 500, sourceCount: 2 };
const PORT_QUERY = '{ port(number: 450) { status assignments { nodes { serviceName } } } }';

async function cacheHits(instance: ApiProcess): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  return sample(parseSamples(text), 'portbook_response_cache_total', { result: 'hit' });
}

describe.runIf(canRunRedisServer || process.env.CI)(
  'two API processes behind one load balancer, sharing Redis and Postgres',
  () => {
    let redis: RedisServer;
    let test: TestDatabase;
    let a: ApiProcess;
    let b: ApiProcess;
    let dir: string;

    beforeAll(async () => {
      redis = await createRedisServer();
      test = await createTestDatabase('postgres');
      const old = registryXml(OLD.updated, OLD.recordCount);
      await importDocuments(test.database, [
        parseIanaXml(new TextEncoder().encode(old), 'old.xml'),
      ]);
      const env = { DATABASE_URL: test.url as string, REDIS_URL: redis.url };
      [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
      dir = mkdtempSync(join(tmpdir(), 'portbook-import-'));
    }, 120_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await redis?.kill();
      await test?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('one answers from the responses the other cached', async () => {
      const before = await cacheHits(b);
      const fromA = await graphql(a.url, PORT_QUERY);
      expect(fromA.body.data).toEqual({
        port: { status: 'UNASSIGNED', assignments: { nodes: [] } },
      });
      expect((await graphql(b.url, PORT_QUERY)).body).toEqual(fromA.body);
      expect((await cacheHits(b)) - before).toBe(1);
    });

    it('after an import with the same configuration, the other instance serves the new data', async () => {
      for (const instance of [a, b]) {
        expect(await waitForRegistry(instance.url, () => true)).toEqual(OLD);
      }
      const watcher = watchRegistry(b.url);
      const file = join(dir, 'registry.xml');
      writeFileSync(file, registryXml(NEW.updated, NEW.recordCount));
      const importing = startCli(['import', file], {
        DATABASE_URL: test.url as string,
        REDIS_URL: redis.url,
      });
      expect((await importing.exited).code, importing.stderr.join('\n')).toBe(0);

      const seen = await watcher.stopOnceSeen((state) => state.updated === NEW.updated);
      const firstNew = seen.findIndex((state) => state.updated === NEW.updated);
      expect(firstNew, 'the other instance serves the new registry').toBeGreaterThanOrEqual(0);
      expect(seen.slice(firstNew).every((state) => state.updated === NEW.updated)).toBe(true);
      expect(seen.slice(0, firstNew).every((state) => state.updated === OLD.updated)).toBe(true);

      const port = {
        port: {
          status: 'ASSIGNED',
          assignments: { nodes: [{ serviceName: `svc-450-${NEW.updated}` }] },
        },
      };
      for (const instance of [b, a]) {
        expect((await graphql(instance.url, PORT_QUERY)).body.data).toEqual(port);
        expect(await waitForRegistry(instance.url, () => true)).toEqual(NEW);
      }
    }, 180_000);
  },
);
