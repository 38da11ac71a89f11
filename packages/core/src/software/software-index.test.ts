import { describe, expect, it } from 'vitest';
import { buildRegistrySnapshot } from '../snapshot/build-snapshot.ts';
import { record, snapshotRowsFrom } from '../testing.ts';
import type { BrowserBlockedRow, SoftwareRow, SoftwareUseRow } from './model.ts';

/** A program as the software data set writes it; each use cites a page (here a test one). */
function program(
  id: string,
  name: string,
  uses: (Omit<SoftwareUseRow, 'citation' | 'setting' | 'high'> & {
    high?: number;
    setting?: string | null;
  })[],
): SoftwareRow {
  return {
    id,
    name,
    category: 'devtools',
    homepage: `https://${id}.example/`,
    uses: uses.map((use) => ({
      setting: null,
      ...use,
      high: use.high ?? use.low,
      citation: { url: `https://${id}.example/ports`, title: `${name} ports` },
    })),
  };
}

// The data set's own words for these uses (packages/software/data/software/*.json).
const software = [
  program('kubernetes', 'Kubernetes', [
    { low: 6443, protocols: ['tcp'], purpose: 'API server (kube-apiserver, HTTPS)' },
  ]),
  program('openssh', 'OpenSSH', [
    { low: 22, protocols: ['tcp'], purpose: 'sshd listening for SSH connections' },
    {
      low: 6010,
      protocols: ['tcp'],
      purpose: 'First X11 forwarding proxy display (:10) that sshd opens for a forwarded session',
      setting: 'X11DisplayOffset in sshd_config',
    },
  ]),
  program('ollama', 'Ollama', [
    { low: 11434, protocols: ['tcp'], purpose: 'REST API of the local model server' },
  ]),
  program('vite', 'Vite', [{ low: 5173, protocols: ['tcp'], purpose: 'dev server' }]),
  program('mosh', 'Mosh', [
    { low: 60000, high: 61000, protocols: ['udp'], purpose: 'mosh-server session' },
  ]),
  program('postgresql', 'PostgreSQL', [
    { low: 5432, protocols: ['tcp'], purpose: 'client connections' },
  ]),
  program('tensorboard', 'TensorBoard', [
    { low: 6006, protocols: ['tcp'], purpose: 'web UI for training logs' },
  ]),
  program('rabbitmq', 'RabbitMQ', [
    { low: 6000, high: 6500, protocols: ['tcp'], purpose: 'stream replication between nodes' },
  ]),
];

const citation = { url: 'https://github.com/whatwg/fetch/commit/eb07418', title: 'Fetch' };
const browserBlocked: BrowserBlockedRow[] = [
  {
    port: 6000,
    service: 'x11',
    added: '2016-03-10',
    citation,
    earlierInBrowsers: { date: '2001-08-15', event: 'Mozilla port banning', citation },
  },
  { port: 6566, service: 'sane-port', added: '2021-03-10', citation },
];

const records = [
  record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'The Secure Shell' }),
  record({
    serviceName: 'postgresql',
    port: 5432,
    protocol: 'tcp',
    description: 'PostgreSQL Database',
  }),
  record({
    serviceName: 'x11',
    port: [6000, 6063],
    protocol: 'tcp',
    description: 'X Window System',
  }),
  record({
    serviceName: 'sun-sr-https',
    port: 6443,
    protocol: 'tcp',
    description: 'Service Registry Default HTTPS Domain',
  }),
  record({
    serviceName: 'sun-sr-https',
    port: 6443,
    protocol: 'udp',
    description: 'Service Registry Default HTTPS Domain',
  }),
];
const rows = snapshotRowsFrom([
  { id: 1, edition: 'iana:2024-01-01', published: '2024-01-01', records },
]);
const snapshot = await buildRegistrySnapshot(rows, {
  software: { software, browserBlocked, version: 'data1' },
});
const usesAt = (port: number) =>
  snapshot.commonUses(port).map(({ software, use }) => `${software.id} ${use.low}-${use.high}`);

describe('software defaults in the snapshot', () => {
  it('lists the uses on a port, ranges containing it included', () => {
    expect(usesAt(11434)).toEqual(['ollama 11434-11434']);
    expect(usesAt(5173)).toEqual(['vite 5173-5173']);
    expect(usesAt(60000)).toEqual(['mosh 60000-61000']);
    expect(usesAt(60500)).toEqual(['mosh 60000-61000']);
    expect(usesAt(61001)).toEqual([]);
    // X display :10 of sshd's forwarding, inside IANA's x11 range and RabbitMQ's range.
    expect(usesAt(6010)).toEqual(['openssh 6010-6010', 'rabbitmq 6000-6500']);
    expect(snapshot.port(6010).commonUses[0]?.use.setting).toBe('X11DisplayOffset in sshd_config');
  });

  it('lists the uses overlapping a range, ranges reaching into it included', () => {
    const usesIn = (low: number, high: number) =>
      snapshot
        .commonUsesIn({ low, high })
        .map(({ software, use }) => `${software.id} ${use.low}-${use.high}`);
    expect(usesIn(6005, 6010)).toEqual([
      'openssh 6010-6010',
      'rabbitmq 6000-6500',
      'tensorboard 6006-6006',
    ]);
    expect(usesIn(60999, 65535)).toEqual(['mosh 60000-61000']);
    expect(usesIn(23, 5200)).toEqual(['vite 5173-5173']);
  });

  it('finds software named like a query: the exact program alone, else by search', () => {
    const named = (query: string) => snapshot.softwareNamed(query).map((s) => s.id);
    expect(named('ollama')).toEqual(['ollama']);
    expect(named(' TensorBoard ')).toEqual(['tensorboard']);
    expect(named('postgres')).toEqual(['postgresql']);
    expect(named('kubernets')).toEqual(['kubernetes']);
    expect(named('nginx')).toEqual([]);
  });

  it('finds a program by slug, or by name in any case', () => {
    expect(snapshot.softwareById('ollama')?.name).toBe('Ollama');
    expect(snapshot.softwareById('Ollama')).toBeUndefined();
    expect(snapshot.softwareByName('TensorBoard')?.id).toBe('tensorboard');
    expect(snapshot.softwareByName(' postgresql ')?.id).toBe('postgresql');
    expect(snapshot.softwareByName('nope')).toBeUndefined();
    expect(snapshot.allSoftware.map((s) => s.id)).toEqual([...software.map((s) => s.id)].sort());
  });

  it('names a conflict where a default sits on a port IANA assigns to another service', () => {
    const conflicts = snapshot.softwareConflicts.map(
      (c) =>
        `${c.port} ${c.software.id} ${c.assignments.map((a) => `${a.serviceName}/${a.protocol}`)}`,
    );
    // tcp only: Kubernetes' default is tcp, so the udp record of sun-sr-https is not in it.
    expect(conflicts).toEqual(['6006 tensorboard x11/tcp', '6443 kubernetes sun-sr-https/tcp']);
    expect(snapshot.conflictsAt(6443).map((c) => c.software.name)).toEqual(['Kubernetes']);
    expect(snapshot.port(6443).conflicts).toHaveLength(1);
  });

  it('sees no conflict where the default is the registered service, or a range', () => {
    // sshd on 22 (ssh), PostgreSQL on 5432, sshd's X11 display inside x11's range.
    for (const port of [22, 5432, 6010]) expect(snapshot.conflictsAt(port), `${port}`).toEqual([]);
    // RabbitMQ's range picks ports from 6000-6500; it does not sit on x11's 6000.
    expect(snapshot.conflictsAt(6000)).toEqual([]);
    // Nothing is assigned on 11434, 5173 or 60000.
    for (const port of [11434, 5173, 60000]) expect(snapshot.conflictsAt(port)).toEqual([]);
  });

  it('answers whether browsers refuse a port on a date, from its earliest refusal', () => {
    expect(snapshot.isBrowserBlocked(6000)).toBe(true);
    expect(snapshot.isBrowserBlocked(6000, '2001-08-14')).toBe(false);
    expect(snapshot.browserBlockedSince(6000)).toBe('2001-08-15');
    expect(snapshot.isBrowserBlocked(6566, '2020-12-31')).toBe(false);
    expect(snapshot.isBrowserBlocked(6566, '2021-03-10')).toBe(true);
    expect(snapshot.isBrowserBlocked(6443)).toBe(false);
    expect(snapshot.port(6566, '2020-01-01').browserBlockedSince).toBeUndefined();
    expect(snapshot.browserBlockedPorts().map((entry) => entry.port)).toEqual([6000, 6566]);
    expect(snapshot.browserBlockedPorts('2020-01-01').map((entry) => entry.port)).toEqual([6000]);
  });

  it('skips ports browsers refuse when asked to, for free ports and free blocks', () => {
    // 6566 is free in this registry but refused by browsers since 2021.
    expect(snapshot.nearestFree(6566)).toBe(6566);
    expect(snapshot.nearestFree(6566, { web: true })).toBe(6565);
    expect(snapshot.nearestFree(6566, { web: true, at: '2020-06-01' })).toBe(6566);
    expect(snapshot.freeBlocks({ low: 6560, high: 6570 }, { web: true })).toEqual([
      { low: 6560, high: 6565 },
      { low: 6567, high: 6570 },
    ]);
  });

  it('searches programs by name beside the services', () => {
    const found = (query: string) =>
      snapshot
        .search(query)
        .map((hit) =>
          hit.kind === 'software'
            ? `${hit.reason}:software:${hit.softwareId}`
            : hit.kind === 'service'
              ? `${hit.reason}:${hit.serviceName}`
              : hit.kind,
        );
    expect(found('ollama')).toEqual(['name:software:ollama']);
    expect(found('Vite')).toEqual(['name:software:vite']);
    // The registry's own name leads where both match.
    expect(found('postgres')).toEqual(['prefix:postgresql', 'prefix:software:postgresql']);
    expect(found('tensrboard')).toEqual(['fuzzy:software:tensorboard']);
    expect(found('11434')).toEqual(['port']);
  });
});

describe('a snapshot built without the software data set', () => {
  it('knows no uses, conflicts or bad ports', async () => {
    const bare = await buildRegistrySnapshot(rows);
    expect(bare.commonUses(6443)).toEqual([]);
    expect(bare.softwareConflicts).toEqual([]);
    expect(bare.isBrowserBlocked(6000)).toBe(false);
  });

  it('answers under the registry version alone; with the data set, under both', async () => {
    const bare = await buildRegistrySnapshot(rows);
    expect(bare.answersVersion).toBe('test');
    expect(snapshot.version).toBe('test');
    expect(snapshot.answersVersion).toBe('test+software.data1');
  });
});
