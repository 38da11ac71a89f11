import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceDocument } from '@portbook/core';
import { createDatabase, importDocuments, migrate } from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';
import type { DatabaseEnv } from './api-process.ts';
import type { TrafficInputs } from './api-traffic.ts';
import { sharedDataDir } from './harness.ts';
import { parseFiles, releaseFiles } from './release-history.ts';

/** Every release, text edition and RFC a first `sync` reads: today's data. */
export function registryHistory(): SourceDocument[] {
  const { files, cleanup } = releaseFiles(sharedDataDir());
  try {
    return parseFiles(files);
  } finally {
    cleanup();
  }
}

/**
 * What the traffic draws from, asked of the server itself: the service names of its current
 * registry (its `/services` file) and the days from its oldest document to its newest.
 */
export async function trafficInputs(url: string): Promise<TrafficInputs> {
  const servicesFile = await (await fetch(`${url}/services`)).text();
  const names = new Set<string>();
  for (const line of servicesFile.split('\n')) {
    const name = /^([^#\s]\S*)\s/.exec(line)?.[1];
    if (name) names.add(name);
  }
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ first: sources(first: 1) { nodes { published } } last: sources(last: 1) { nodes { published } } }',
    }),
  });
  const { data } = (await response.json()) as {
    data: Record<'first' | 'last', { nodes: { published: string }[] }>;
  };
  const day = (side: 'first' | 'last') => data[side].nodes[0]?.published.slice(0, 10) ?? '';
  return { serviceNames: [...names].sort(), firstDay: day('first'), lastDay: day('last') };
}

/**
 * A database loaded with `documents` for a server process, dropped by `drop()`. A database
 * already loaded can be named instead (`BENCH_API_POSTGRES_URL`, `BENCH_API_PGLITE_DIR`): it is
 * used as it is and kept.
 */
export async function loadedDatabase(
  kind: TestDatabaseKind,
  documents: () => SourceDocument[],
): Promise<{ env: DatabaseEnv; drop: () => Promise<void> }> {
  const keep = async () => {};
  if (kind === 'postgres') {
    const given = process.env.BENCH_API_POSTGRES_URL;
    if (given) return { env: { DATABASE_URL: given }, drop: keep };
    const test = await createTestDatabase('postgres');
    await importDocuments(test.database, documents(), { via: 'mirror' });
    await test.database.close();
    return { env: { DATABASE_URL: test.url as string }, drop: () => test.drop() };
  }
  const given = process.env.BENCH_API_PGLITE_DIR;
  if (given) return { env: { DATABASE_URL: '', PORTBOOK_DATA_DIR: given }, drop: keep };
  const dir = mkdtempSync(join(tmpdir(), 'portbook-bench-'));
  const database = createDatabase({ url: undefined, dataDir: dir });
  await migrate(database);
  await importDocuments(database, documents(), { via: 'mirror' });
  await database.close();
  return {
    env: { DATABASE_URL: '', PORTBOOK_DATA_DIR: dir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The machine's 1-minute load average, to print beside a figure measured on shared cores. */
export const loadAverage = () => (loadavg()[0] ?? 0).toFixed(1);
