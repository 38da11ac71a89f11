import { join } from 'node:path';
import { readArchiveIndex } from '@portbook/archive';
import { buildRegistrySnapshot, PORT_MAX, type RegistrySnapshot } from '@portbook/core';
import { type Database, loadSnapshot, loadSnapshotRows } from '@portbook/db';
import { rawRows } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCache, writeCache } from '../src/registry/snapshot-cache.ts';
import { type CliDatabase, cliDatabase, runCli, scratchDir } from './run-cli.ts';

/** The pack's registry documents (its prose RFCs are quoted, not imported). */
const registryDocuments = readArchiveIndex().documents.filter(
  (entry) => entry.format !== 'rfc-statement',
).length;

/**
 * A fresh clone with no network and no shared data: `portbook sync` loads the whole packaged
 * archive. On Postgres, whose server does the database work beside this process: PGlite needs
 * several minutes on two cores (see bench/README.md).
 */
describe('portbook sync --offline of the whole packaged archive', () => {
  let db: CliDatabase;
  let database: Database;
  let snapshot: RegistrySnapshot;
  let stdout: string;

  beforeAll(async () => {
    db = await cliDatabase('postgres');
    const result = await runCli(['sync', '--offline'], {
      ...db.env,
      PORTBOOK_ARCHIVE_UNTIL: '',
    });
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.code).toBe(0);
    stdout = result.stdout;
    database = db.open();
    snapshot = await loadSnapshot(database.db);
  }, 900_000);
  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  it('stores every registry document of the pack, counted as the archive', () => {
    expect(stdout).toMatch(
      new RegExp(
        `^synced from the archive: ${registryDocuments}: ${registryDocuments} documents imported, 0 already stored`,
      ),
    );
  });

  it("answers every port from the terminal's cache, read by blocks, as the server's snapshot does", async () => {
    const file = join(scratchDir('cache'), 'rows.v8');
    await writeCache(file, 'real-data', await loadSnapshotRows(database.db));
    const rows = readCache(file)?.rows;
    if (!rows) throw new Error('the cache was not written');
    const cached = await buildRegistrySnapshot(rows, { indexes: 'on-demand' });
    // Only what a port's question reads (its blocks), then every port against the whole snapshot.
    expect(cached.port(22).assignments.map((row) => row.serviceName)).toContain('ssh');
    const differing: number[] = [];
    for (let port = 0; port <= PORT_MAX; port++) {
      const { history: _, ...expected } = snapshot.port(port);
      const { history: __, ...actual } = cached.port(port);
      const changes = (view: RegistrySnapshot) => view.portChanges(port).map((change) => change.id);
      if (
        JSON.stringify(actual) !== JSON.stringify(expected) ||
        (port % 16 === 0 && JSON.stringify(changes(cached)) !== JSON.stringify(changes(snapshot)))
      ) {
        differing.push(port);
      }
    }
    expect(differing).toEqual([]);
    for (const within of [
      { low: 0, high: 1023 },
      { low: 1000, high: 1100 },
      { low: 6000, high: 6063 },
      { low: 49000, high: 65535 },
    ]) {
      expect(cached.assignmentsMatching({ within })).toEqual(
        snapshot.assignmentsMatching({ within }),
      );
    }
    expect(cached.portHistory(1)).toEqual(snapshot.portHistory(1));
    // The changes between two dates, read from the years they span (`portbook diff`).
    for (const [since, until] of [
      ['1972-01-01', '1977-12-31'],
      ['2025-01-02', '2026-01-01'],
      ['2013-07-01', '2013-07-01'],
      ['1990-06-15', '2026-12-31'],
    ]) {
      const ids = (view: RegistrySnapshot) =>
        view.changes({ since, until }).map((change) => change.id);
      expect(ids(cached), `${since} to ${until}`).toEqual(ids(snapshot));
    }
  }, 300_000);

  it('reaches back to 1972 on port 1 and through 1977 on port 15', () => {
    expect(snapshot.port(1).history[0]?.date).toMatch(/^1972-/);
    // RFC 503 (1973) has socket 15 for Netstat already; RFC 739 (November 1977) states it as a port.
    expect(snapshot.port(15).history[0]?.date.localeCompare('1977-12-31')).toBeLessThan(0);
    const netstat = snapshot.port(15, '1977-12-01').assignments.map((row) => row.description);
    expect(netstat).toEqual(['Who is up or NETSTAT']);
  });

  it("shows Telnet's move from socket 1 to port 23", () => {
    const moves = snapshot
      .portChanges(23)
      .filter((change) => change.fields?.portRange)
      .map((change) => change.fields?.portRange);
    expect(moves).toContainEqual({ before: { low: 1, high: 1 }, after: { low: 23, high: 23 } });
  });

  it('has port 6010 inside the x11 range today', () => {
    const x11 = snapshot
      .port(6010)
      .assignments.filter((row) => row.serviceName === 'x11')
      .map(({ portLow, portHigh, protocol, validTo }) => ({
        portLow,
        portHigh,
        protocol,
        validTo,
      }));
    expect(x11).toEqual(
      expect.arrayContaining([
        { portLow: 6000, portHigh: 6063, protocol: 'tcp', validTo: null },
        { portLow: 6000, portHigh: 6063, protocol: 'udp', validTo: null },
      ]),
    );
  });

  it('removes a record only where the document before states more records of its kind than the next', async () => {
    // A record's kind: its name (any case), ports and protocol. Documents may state one twice
    // (RFC 1060 has STATSRV and statsrv): removals of a kind at a source may not outnumber the
    // records of that kind the previous source states beyond those the source itself states.
    const versions = await rawRows<{ id: number; kind: string }>(
      database,
      `select id, concat_ws('|', lower(service_name), port_low, port_high, protocol) as kind
         from record_versions`,
    );
    const kindOf = new Map(versions.map((row) => [row.id, row.kind]));
    const runs = await rawRows<{ source_id: number; version_id: number; length: number }>(
      database,
      'select source_id, version_id, length from source_records',
    );
    const stated = new Map<string, number>();
    for (const run of runs) {
      for (let id = run.version_id; id < run.version_id + run.length; id++) {
        const key = `${run.source_id}/${kindOf.get(id)}`;
        stated.set(key, (stated.get(key) ?? 0) + 1);
      }
    }
    const changes = await rawRows<{
      kind: string;
      source: number;
      previous: number;
      version: number;
    }>(
      database,
      `select kind, source_id as source, previous_source_id as previous,
              coalesce(before_version_id, after_version_id) as version
         from changes where kind in ('removed', 'added') and origin = 'diff'`,
    );
    const removed = new Map<string, { source: number; previous: number; count: number }>();
    const added = new Set<string>();
    for (const { kind, source, previous, version } of changes) {
      const key = `${source}/${kindOf.get(version)}`;
      if (kind === 'added') added.add(key);
      else removed.set(key, { source, previous, count: (removed.get(key)?.count ?? 0) + 1 });
    }
    expect(removed.size).toBeGreaterThan(300);
    const unshown = [...removed].filter(([key, { source, previous, count }]) => {
      const kind = key.slice(key.indexOf('/') + 1);
      return (
        count > (stated.get(`${previous}/${kind}`) ?? 0) - (stated.get(`${source}/${kind}`) ?? 0)
      );
    });
    // Known: in RFC 790–900 (1981–84) a port's text was replaced while the port stayed listed
    // ('Date and Time' -> 'Daytime', 'Unassigned' -> 'SMTP'); with no service names then, the
    // history shows a removal and an addition on the same day. Each must be such a pair, and
    // their number is pinned so that any other removal the documents do not show fails here.
    const sourceEditions = new Map(
      (
        await rawRows<{ id: number; edition: string }>(database, 'select id, edition from sources')
      ).map((row) => [row.id, row.edition]),
    );
    const replaced = unshown.map(([key, { source }]) => ({
      edition: sourceEditions.get(source),
      pairedWithAddition: added.has(key),
    }));
    expect(
      replaced.filter(
        (row) => !row.pairedWithAddition || !/^rfc:(790|820|870|900)$/.test(row.edition ?? ''),
      ),
    ).toEqual([]);
    expect(replaced).toHaveLength(36);
  });
});
