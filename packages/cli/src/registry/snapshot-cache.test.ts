import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildRegistrySnapshot,
  isCurrent,
  Occupancy,
  type SnapshotRows,
} from '@portbook/core/reader';
import { record, snapshotRowsFrom } from '@portbook/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cacheOfUntouchedDataDir,
  codeKey,
  readCache,
  stampDataDir,
  writeCache,
} from './snapshot-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'portbook-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ssh = record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'Secure Shell' });
/** Across the first two blocks of 1,024 ports. */
const spanning = record({ serviceName: 'wide', port: [1000, 1100], protocol: 'udp' });
const rows = {
  ...snapshotRowsFrom([
    {
      id: 1,
      edition: 'iana:2020-01-01',
      published: '2020-01-01',
      records: [ssh, record({ serviceName: 'http', port: 80, protocol: 'tcp' })],
      people: [{ id: 'Jon_Postel', name: 'Jon Postel', org: null, uri: null, updated: null }],
    },
    { id: 2, edition: 'iana:2021-01-01', published: '2021-01-01', records: [ssh, spanning] },
  ]),
  lastSync: {
    id: 1,
    startedAt: new Date('2026-01-01T00:00:00Z'),
    finishedAt: null,
    via: 'mirror',
    status: 'running' as const,
    sourcesImported: 0,
    message: null,
  },
};

describe('the snapshot cache file', () => {
  it('gives back every row, the current records apart as the same objects', async () => {
    const file = join(dir, 'rows.v8');
    await writeCache(file, 'key-1', rows);
    const cached = readCache(file);
    expect(cached?.key).toBe('key-1');
    const read = cached?.rows;
    expect(read?.currentAssignments).toEqual(rows.assignments.filter(isCurrent));
    expect(read?.currentAssignments?.every((row) => read.assignments.includes(row))).toBe(true);
    expect(new Set(read?.assignments)).toEqual(new Set(rows.assignments));
    expect(read?.assignments).toHaveLength(rows.assignments.length);
    for (const part of ['version', 'sources', 'changes', 'nameLinks', 'people', 'rangeClasses'])
      expect(read?.[part as keyof typeof rows]).toEqual(rows[part as keyof typeof rows]);
    expect(read?.lastSync).toEqual(rows.lastSync);
    expect(read?.person?.('Jon_Postel')).toBe(read?.people[0]);
    expect(read?.person?.('Nobody')).toBeUndefined();
  });

  it('writes in steps when given a pause, the same file as at once', async () => {
    let pauses = 0;
    await writeCache(join(dir, 'paused.v8'), 'key-6', rows, async () => {
      pauses++;
    });
    await writeCache(join(dir, 'at-once.v8'), 'key-6', rows);
    // Six steps before the parts, then one per eight of the ~420 parts.
    expect(pauses).toBeGreaterThan(50);
    expect(readFileSync(join(dir, 'paused.v8'))).toEqual(readFileSync(join(dir, 'at-once.v8')));
  });

  it("reads the current records by blocks of ports, the same objects, and today's port space", async () => {
    const file = join(dir, 'blocks.v8');
    await writeCache(file, 'key-3', rows);
    const read = readCache(file)?.rows;
    const blocks = read?.currentBlocks;
    expect(blocks?.size).toBe(1024);
    const names = (index: number) => blocks?.block(index).map((row) => row.serviceName);
    expect(names(0)).toEqual(['ssh', 'wide']);
    expect(names(1)).toEqual(['wide']);
    expect(names(2)).toEqual([]);
    expect(blocks?.block(1)[0]).toBe(blocks?.block(0)[1]);
    expect(read?.currentAssignments).toContain(blocks?.block(0)[0]);
    const current = rows.assignments.filter(isCurrent);
    expect(blocks?.occupancy()).toEqual(new Occupancy(current).state());
  });

  it("reads a service's records by the bucket of its name, and answers as the whole rows do", async () => {
    const file = join(dir, 'names.v8');
    await writeCache(file, 'key-5', rows);
    const read = readCache(file)?.rows;
    const buckets = read?.nameBuckets;
    expect(buckets?.names()).toEqual(['ssh', 'http', 'wide']);
    const sshVersions = rows.assignments.filter((row) => row.serviceName === 'ssh');
    expect(new Set(buckets?.bucket('ssh').filter((row) => row.serviceName === 'ssh'))).toEqual(
      new Set(sshVersions),
    );
    const onDemand = await buildRegistrySnapshot(read as SnapshotRows, { indexes: 'on-demand' });
    const whole = await buildRegistrySnapshot(rows);
    for (const name of ['SSH', 'http', 'wide', 'nothing'])
      expect(onDemand.service(name)).toEqual(whole.service(name));
    expect(onDemand.allServiceNames).toEqual(whole.allServiceNames);
    expect(onDemand.services()).toEqual(whole.services());
  });

  it('reads the changes by the year they occurred in', async () => {
    const file = join(dir, 'years.v8');
    await writeCache(file, 'key-4', rows);
    const read = readCache(file)?.rows;
    const years = read?.changeYears;
    expect([years?.first, years?.last]).toEqual([2020, 2021]);
    const ids = (year: number) => years?.year(year).map((change) => change.id);
    const occurred = (year: string) =>
      read?.changes.filter((change) => change.occurred.startsWith(year)).map((change) => change.id);
    expect(ids(2020)).toEqual(occurred('2020'));
    expect(ids(2021)).toEqual(occurred('2021'));
    expect(ids(2021)?.length).toBeGreaterThan(0);
    expect(ids(2019)).toEqual([]);
    expect(ids(2022)).toEqual([]);
    expect(read?.changes).toContainEqual(years?.year(2021)[0]);
  });

  it('is no cache when missing, of another format, or cut short', async () => {
    expect(readCache(join(dir, 'missing.v8'))).toBeUndefined();
    const other = join(dir, 'other.v8');
    writeFileSync(other, 'not a cache');
    expect(readCache(other)).toBeUndefined();
    const whole = join(dir, 'whole.v8');
    await writeCache(whole, 'key-2', rows);
    const cut = join(dir, 'cut.v8');
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    expect(readCache(cut)).toBeUndefined();
  });

  it('answers for a data directory only while its files are as stamped, and not once it is gone', async () => {
    const dataDir = join(dir, 'pglite');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'PG_VERSION'), '17');
    const file = join(dir, 'stamped.v8');
    const key = `${codeKey()}|version-1`;
    await writeCache(file, key, rows);
    stampDataDir(file, dataDir, key);
    expect(cacheOfUntouchedDataDir(file, dataDir)?.key).toBe(key);
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    expect(cacheOfUntouchedDataDir(file, dataDir)).toBeUndefined();
    stampDataDir(file, dataDir, key);
    rmSync(dataDir, { recursive: true });
    expect(cacheOfUntouchedDataDir(file, dataDir)).toBeUndefined();
  });
});
