import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('answers health and readiness', async () => {
    const health = await api.yoga.fetch('http://portbook.test/healthz');
    expect(health.status).toBe(200);
    const ready = await api.yoga.fetch('http://portbook.test/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
