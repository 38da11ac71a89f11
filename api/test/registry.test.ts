import { createDatabase, loadSnapshotRows } from '@portbook/db';
import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/index.ts';
import { openTestApi, type TestApi } from './harness.ts';

describe.each(TEST_DATABASE_KINDS)('registry on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  it("states the newest IANA edition's date, checksum and counts", async () => {
    const { data, errors } = await api.query(`{
      registry {
        updated sha256 recordCount assignmentCount sourceCount
        latestSource { edition kind }
        lastSync { via status sourcesImported }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      registry: {
        updated: '2026-08-17',
        sha256: 'b'.repeat(64),
        recordCount: 14,
        assignmentCount: 17,
        sourceCount: 2,
        latestSource: { edition: 'iana:2026-08-17', kind: 'IANA_XML' },
        lastSync: { via: 'file', status: 'succeeded', sourcesImported: 2 },
      },
    });
  });

  it('builds its first snapshot from rows handed over only while the database holds their version', async () => {
    const rows = await loadSnapshotRows(api.database.db);
    // Handed-over rows told apart from the database's: the same version, no records.
    const handed = { ...rows, assignments: [], currentAssignments: [] };
    const counts = async (firstRows: typeof rows) => {
      const yoga = createApi({
        database: api.database,
        logger: pino({ level: 'silent' }),
        firstRows,
      });
      try {
        const response = await yoga.fetch('http://portbook.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ registry { assignmentCount sourceCount } }' }),
        });
        return ((await response.json()) as { data: unknown }).data;
      } finally {
        await yoga.dispose();
      }
    };
    expect(await counts(handed)).toEqual({ registry: { assignmentCount: 0, sourceCount: 2 } });
    expect(await counts({ ...handed, version: `${rows.version}|older` })).toEqual({
      registry: { assignmentCount: 17, sourceCount: 2 },
    });
  });

  it('answers health and readiness', async () => {
    const health = await api.yoga.fetch('http://portbook.test/healthz');
    expect(health.status).toBe(200);
    const ready = await api.yoga.fetch('http://portbook.test/readyz');
    expect(ready.status).toBe(200);
    const body = await ready.text();
    expect(JSON.parse(body)).toEqual({ status: 'ready' });
    // Behind Node's HTTP server a stale length cut the body short after a /healthz answer.
    expect(ready.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  });
});

describe('when the database cannot be reached', () => {
  it('answers DATABASE_UNAVAILABLE with HTTP 503, stays live and reports not ready', async () => {
    const database = createDatabase({
      url: 'postgres://postgres@127.0.0.1:1/portbook',
      maxConnections: 1,
    });
    const logLines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
    const yoga = createApi({ database, logger });
    try {
      const response = await yoga.fetch('http://portbook.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ port(number: 22) { status } }' }),
      });
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.errors[0]?.message).not.toContain('127.0.0.1');
      expect((await yoga.fetch('http://portbook.test/healthz')).status).toBe(200);
      const ready = await yoga.fetch('http://portbook.test/readyz');
      expect(ready.status).toBe(503);
      // A short reason for whoever probes; the driver's error, SQL included, only in the log.
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database unavailable' });
      const logged = logLines.map((line) => JSON.parse(line) as { msg: string; err?: unknown });
      const readiness = logged.find((line) => line.msg === 'not ready: database unavailable');
      expect(JSON.stringify(readiness?.err)).toMatch(/select/i);
    } finally {
      await yoga.dispose();
      await database.close();
    }
  });
});
