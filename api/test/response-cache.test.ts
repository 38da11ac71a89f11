import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS, operationHash } from '../src/examples.ts';
import { createApi, type PortbookYoga } from '../src/index.ts';
import { createResponseStore } from '../src/response-store.ts';
import { seedFixtures } from './fixtures.ts';

/** The in-memory store, counting what the API stores and asks for. */
function countingStore() {
  const store = createResponseStore(100);
  const counts = { get: 0, hit: 0, set: 0 };
  const cache: Cache = {
    async get(key) {
      counts.get += 1;
      const found = await store.get(key);
      if (found) counts.hit += 1;
      return found;
    },
    set(key, data, entities, ttl) {
      counts.set += 1;
      return store.set(key, data, entities, ttl);
    },
    invalidate: (entities) => store.invalidate(entities),
  };
  return { cache, counts };
}

describe('the response cache', () => {
  let test: TestDatabase;
  let api: PortbookYoga;
  const { cache, counts } = countingStore();

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    await seedFixtures(test.database);
    api = createApi({
      database: test.database,
      logger: pino({ level: 'silent' }),
      sharedCache: cache,
      versionTtlMs: 0,
    });
  });
  afterAll(async () => {
    await api?.dispose();
    await test?.drop();
  });

  const post = async (body: unknown) => {
    const response = await api.fetch('http://portbook.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.text();
  };

  it('answers a query again from what it stored, byte for byte', async () => {
    const before = { ...counts };
    const body = {
      query: 'query P($n: Int!) { port(number: $n) { number status } }',
      variables: { n: 22 },
    };
    const first = await post(body);
    const second = await post(body);
    expect(second).toBe(first);
    expect(JSON.parse(first).data.port.number).toBe(22);
    expect(counts.set - before.set).toBe(1);
    expect(counts.hit - before.hit).toBe(1);
    const other = await post({ ...body, variables: { n: 23 } });
    expect(JSON.parse(other).data.port.number).toBe(23);
    expect(counts.set - before.set).toBe(2);
  });

  it('stores no answer with errors', async () => {
    const before = { ...counts };
    const body = { query: '{ port(number: 70000) { number } }' };
    expect(JSON.parse(await post(body)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.parse(await post(body)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(counts.set - before.set).toBe(0);
    expect(counts.hit - before.hit).toBe(0);
  });

  it('keys a persisted operation sent by its hash alone by its text', async () => {
    const persisted = (document: string) => ({
      extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(document) } },
    });
    const port = JSON.parse(await post(persisted(EXAMPLE_OPERATIONS.Port)));
    const service = JSON.parse(await post(persisted(EXAMPLE_OPERATIONS.ServiceHistory)));
    expect(Object.keys(port.data)).toEqual(['port']);
    expect(Object.keys(service.data)).not.toEqual(['port']);
    expect(JSON.parse(await post(persisted(EXAMPLE_OPERATIONS.Port)))).toEqual(port);
  });
});
