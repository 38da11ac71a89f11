import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseIanaXml } from '@portbook/core';
import { importDocuments } from '@portbook/db';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, graphql, startApiProcess } from './api-process.ts';
import { waitForRegistry, watchRegistry } from './registry-watcher.ts';
import { startCli } from './sync-process.ts';
import { registryXml } from './synthetic-mirror.ts';

const OLD = { updated: '2025-01-13', recordCount: 3000, sourceCount: 1 };
const NEW = { updated: '2025-02-20', recordCount: 3500, sourceCount: 2 };

/** Asks /healthz every 10 ms until stopped; returns each answer's latency in ms. */
function probeHealth(url: string) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      await sleep(10);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return latencies;
  };
}

describe('an import in one process, the API in another, on one Postgres', () => {
  let test: TestDatabase;
  let api: ApiProcess;
  let dir: string;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const old = registryXml(OLD.updated, OLD.recordCount);
    await importDocuments(test.database, [parseIanaXml(new TextEncoder().encode(old), 'old.xml')]);
    // Polling every minute: only the import's NOTIFY can make the new registry show quickly.
    api = await startApiProcess({ DATABASE_URL: test.url as string, PORTBOOK_POLL_MS: '60000' });
    dir = mkdtempSync(join(tmpdir(), 'portbook-freshness-'));
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await test?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is told by NOTIFY, builds the new snapshot in the background and swaps it in whole', async () => {
    expect(await waitForRegistry(api.url, () => true)).toEqual(OLD);
    const watcher = watchRegistry(api.url);
    const stopProbe = probeHealth(api.url);
    const file = join(dir, 'registry.xml');
    writeFileSync(file, registryXml(NEW.updated, NEW.recordCount));
    const importing = startCli(['import', file], { DATABASE_URL: test.url as string });
    expect((await importing.exited).code, importing.stderr.join('\n')).toBe(0);
    const imported = performance.now();

    const seen = await watcher.stopOnceSeen((state) => state.updated === NEW.updated, 10_000);
    const shownAfterMs = performance.now() - imported;
    const latencies = await stopProbe();
    const firstNew = seen.findIndex((state) => state.updated === NEW.updated);
    expect(firstNew, 'the API serves the new registry').toBeGreaterThanOrEqual(0);
    expect(shownAfterMs, 'well before the next poll').toBeLessThan(10_000);
    // Never a half-built registry: the old one whole, then the new one whole.
    expect(seen.slice(0, firstNew).every((state) => state.updated === OLD.updated)).toBe(true);
    expect(seen.slice(firstNew)).toEqual(seen.slice(firstNew).map(() => NEW));
    const { body } = await graphql(
      api.url,
      '{ port(number: 3200) { assignments { nodes { serviceName } } } }',
    );
    expect(body.data).toEqual({
      port: { assignments: { nodes: [{ serviceName: `svc-3200-${NEW.updated}` }] } },
    });
    expect(latencies.length).toBeGreaterThan(10);
    const sorted = latencies.sort((a, b) => a - b);
    // p95, not p99: on a shared 2-core machine the probing process is descheduled as well.
    const p95 = sorted[Math.floor(sorted.length * 0.95)] as number;
    expect(p95, `healthz while rebuilding: ${sorted.map(Math.round).join(' ')}`).toBeLessThan(100);
  }, 60_000);
});
