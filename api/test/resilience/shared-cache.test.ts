import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { importDocuments } from '@portbook/db';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '@portbook/db/testing';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type PortbookYoga } from '../../src/index.ts';
import { createSharedCache, type SharedCache } from '../../src/shared-cache.ts';
import { NEW_DOCUMENT, seedFixtures } from '../fixtures.ts';
import { parseSamples, sample } from './prometheus-text.ts';
import { canRunRedisServer, createRedisServer, type RedisServer } from './redis-server.ts';

const QUERY = '{ registry { updated recordCount } port(number: 4000) { status } }';

/** The fixture registry a month later, with port 4000 newly assigned. */
const LATER = {
  ...NEW_DOCUMENT,
  edition: 'iana:2026-09-17',
  published: '2026-09-17',
  origin: 'fixture:2026-09-17.xml',
  sha256: 'c'.repeat(64),
  records: [
    ...NEW_DOCUMENT.records,
    {
      ...(NEW_DOCUMENT.records[0] as (typeof NEW_DOCUMENT.records)[0]),
      serviceName: 'portbook',
      portRange: { low: 4000, high: 4000 },
      description: 'portbook',
      status: 'assigned' as const,
    },
  ],
};

interface Instance {
  yoga: PortbookYoga;
  cache: SharedCache;
}

async function ask(instance: Instance) {
  const started = Date.now();
  const response = await instance.yoga.fetch('http://portbook.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

async function cacheHits(instance: Instance): Promise<number> {
  const text = await (await instance.yoga.fetch('http://portbook.test/metrics')).text();
  return sample(parseSamples(text), 'portbook_response_cache_total', { result: 'hit' });
}

describe.runIf(canRunRedisServer || process.env.CI).each(TEST_DATABASE_KINDS)(
  'two API instances sharing a response cache in Redis, on %s',
  (kind) => {
    let redis: RedisServer;
    let test: TestDatabase;
    let a: Instance;
    let b: Instance;
    const prefix = `portbook-test-${randomBytes(4).toString('hex')}:`;

    const instance = (): Instance => {
      const cache = createSharedCache({ url: redis.url, prefix });
      const yoga = createApi({
        database: test.database,
        logger: pino({ level: 'silent' }),
        sharedCache: cache,
        versionTtlMs: 200,
      });
      return { yoga, cache };
    };

    beforeAll(async () => {
      redis = await createRedisServer();
      test = await createTestDatabase(kind);
      await seedFixtures(test.database);
      a = instance();
      b = instance();
      await Promise.all([a.cache.ready(), b.cache.ready()]);
    });
    afterAll(async () => {
      for (const one of [a, b]) {
        await one?.yoga.dispose();
        await one?.cache.close();
      }
      await redis?.kill();
      await test?.drop();
    });

    it('answers on one instance from what the other computed', async () => {
      const hitsBefore = await cacheHits(b);
      const first = await ask(a);
      expect(first.body.data.registry.updated).toBe('2026-08-17');
      const keys = new Redis(redis.url);
      expect((await keys.keys(`${prefix}response:*`)).length).toBeGreaterThan(0);
      keys.disconnect();
      expect((await ask(b)).body).toEqual(first.body);
      expect((await cacheHits(b)) - hitsBefore).toBe(1);
    });

    it('serves the new registry on every instance after an import, never the shared old answer', async () => {
      expect((await ask(b)).body.data.port.status).toBe('UNASSIGNED');
      await importDocuments(test.database, [LATER]);
      // Each instance learns of the import on its own (NOTIFY, polling); how fast is no concern
      // here (on shared cores under load a refresh took over 10 s), what it then serves is.
      const updated = async (instance: Instance) => {
        const deadline = Date.now() + 60_000;
        let answer = await ask(instance);
        while (answer.body.data.registry.updated !== '2026-09-17' && Date.now() < deadline) {
          await sleep(50);
          answer = await ask(instance);
        }
        return answer;
      };
      const seen = await updated(b);
      expect(seen.body.data).toEqual({
        registry: { updated: '2026-09-17', recordCount: LATER.records.length },
        port: { status: 'ASSIGNED' },
      });
      await updated(a);
      for (let n = 0; n < 5; n++) expect((await ask(a)).body).toEqual(seen.body);
    }, 150_000);

    it('keeps answering when Redis dies, and shares again once it is back', async () => {
      const expected = (await ask(a)).body;
      await redis.kill();
      for (let n = 0; n < 20; n++) {
        const answer = await ask(n % 2 ? a : b);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual(expected);
        expect(answer.ms, 'an answer without the cache, not a wait for Redis').toBeLessThan(2_000);
      }
      await redis.start();
      const deadline = Date.now() + 10_000;
      let shared = false;
      while (!shared && Date.now() < deadline) {
        const before = await cacheHits(b);
        await ask(a);
        await ask(b);
        shared = (await cacheHits(b)) > before;
        if (!shared) await sleep(200);
      }
      expect(shared, 'cache hits on B again after Redis restarted').toBe(true);
    }, 30_000);
  },
);
