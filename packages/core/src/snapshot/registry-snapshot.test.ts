import { describe, expect, it } from 'vitest';
import { record, snapshotRowsFrom } from '../testing.ts';
import { buildRegistrySnapshot } from './build-snapshot.ts';

const people = [
  { id: 'Stephen_Gildea', name: 'Stephen Gildea', org: null, uri: null, updated: null },
];

const shared = [
  record({ port: 0, protocol: 'tcp', description: 'Reserved', status: 'reserved' }),
  record({
    serviceName: 'ssh',
    port: 22,
    protocol: 'tcp',
    description: 'The Secure Shell (SSH) Protocol',
  }),
  record({
    serviceName: 'ssh',
    port: 22,
    protocol: 'udp',
    description: 'The Secure Shell (SSH) Protocol',
  }),
  record({
    serviceName: 'https',
    port: 443,
    protocol: 'tcp',
    description: 'http protocol over TLS/SSL',
  }),
  record({
    serviceName: 'kerberos-adm',
    port: 749,
    protocol: 'tcp',
    description: 'kerberos administration',
  }),
  record({ port: [6064, 6065], protocol: 'tcp', description: 'Unassigned' }),
];
const x11 = record({
  serviceName: 'x11',
  port: [6000, 6063],
  protocol: 'tcp',
  description: 'X Window System',
  assignee: 'Stephen_Gildea',
});
const http = record({
  serviceName: 'http',
  port: 80,
  protocol: 'tcp',
  description: 'World Wide Web HTTP',
});

const rows = snapshotRowsFrom([
  {
    id: 1,
    edition: 'iana:2020-01-01',
    published: '2020-01-01',
    records: [...shared, http, x11],
    people,
  },
  { id: 2, edition: 'iana:2021-01-01', published: '2021-01-01', records: [...shared, x11], people },
]);
const snapshot = await buildRegistrySnapshot(rows);

describe('RegistrySnapshot', () => {
  it('finds the records containing a port, ranges included, today and on a date', () => {
    expect(snapshot.assignmentsAt(6010).map((a) => a.serviceName)).toEqual(['x11']);
    expect(snapshot.assignmentsAt(22, { protocol: 'udp' }).map((a) => a.protocol)).toEqual(['udp']);
    expect(snapshot.assignmentsAt(80)).toEqual([]);
    expect(snapshot.assignmentsAt(80, { at: '2020-06-01' }).map((a) => a.serviceName)).toEqual([
      'http',
    ]);
    expect(snapshot.assignmentsAt(80, { at: '2019-06-01' })).toEqual([]);
  });

  it('gives a port the strongest status of its records, on any date', () => {
    expect(snapshot.portStatus(6010)).toBe('assigned');
    expect(snapshot.portStatus(0)).toBe('reserved');
    expect(snapshot.portStatus(6064)).toBe('unassigned');
    expect(snapshot.portStatus(80)).toBe('unassigned');
    expect(snapshot.portStatus(80, '2020-06-01')).toBe('assigned');
  });

  it('answers neighbours and free ports by one occupancy rule', () => {
    const view = snapshot.port(6063);
    expect([view.previousAssigned, view.nextAssigned]).toEqual([6062, null]);
    expect(snapshot.port(100).previousAssigned).toBe(22);
    expect(snapshot.port(100, '2020-06-01').previousAssigned).toBe(80);
    expect(snapshot.port(22).nearestFree).toBe(21);
    expect(snapshot.port(6010).nearestFree).toBe(5999);
    expect(snapshot.port(0).nearestFree).toBe(1);
    expect(snapshot.freeBlocks({ low: 5990, high: 6070 })).toEqual([
      { low: 5990, high: 5999 },
      { low: 6064, high: 6070 },
    ]);
    expect(snapshot.freeBlocks({ low: 20, high: 24 }, { protocols: ['sctp'] })).toEqual([
      { low: 20, high: 24 },
    ]);
    expect(snapshot.port(6064).freeBlock).toEqual({ low: 6064, high: 49151 });
    expect(snapshot.port(6010).freeBlock).toBeNull();
  });

  it('answers a port on a date from its records as the port space of that date does', () => {
    const dates = ['2019-06-01', '2020-01-01', '2020-06-01', '2021-01-01', '2030-01-01'];
    const ports = [0, 1, 21, 22, 23, 79, 80, 81, 100, 443, 749, 5999, 6000, 6063, 6064, 65535];
    for (const at of dates) {
      const occupancy = snapshot.occupancy(at);
      for (const port of ports) {
        expect([
          snapshot.portStatus(port, at),
          snapshot.previousAssigned(port, at),
          snapshot.nextAssigned(port, at),
        ]).toEqual([
          occupancy.status(port),
          occupancy.previousAssigned(port),
          occupancy.nextAssigned(port),
        ]);
      }
    }
    expect(snapshot.nextAssigned(23, '2020-06-01')).toBe(80);
    expect(snapshot.previousAssigned(100, '2019-06-01')).toBeNull();
  });

  it('builds the port space once for every day between two registry changes', () => {
    expect(snapshot.occupancy('2020-03-01')).toBe(snapshot.occupancy('2020-12-31'));
    expect(snapshot.occupancy('2020-12-31')).not.toBe(snapshot.occupancy('2021-01-01'));
    expect(snapshot.occupancy('1999-01-01').status(22)).toBe('unassigned');
  });

  it('finds services in any case, with their history', () => {
    expect(snapshot.service('SSH')?.name).toBe('ssh');
    expect(snapshot.service('http')?.history.map((a) => a.validTo)).toEqual(['2021-01-01']);
    expect(snapshot.service('nope')).toBeUndefined();
    expect(snapshot.serviceNames({})).toEqual(['https', 'kerberos-adm', 'ssh', 'x11']);
    expect(snapshot.serviceNames({ at: '2020-06-01', protocols: ['tcp'] })).toContain('http');
  });

  it('filters records as the API and /services do', () => {
    expect(snapshot.serviceNames({ text: 'window' })).toEqual(['x11']);
    expect(snapshot.serviceNames({ text: 'secure shells' })).toEqual(['ssh']);
    expect(snapshot.serviceNames({ person: 'gildea' })).toEqual(['x11']);
    expect(snapshot.serviceNames({ person: 'Stephen_Gildea' })).toEqual(['x11']);
    expect(snapshot.serviceNames({ statuses: ['reserved'] })).toEqual([]);
    expect([...snapshot.portsMatching({ statuses: ['reserved'] })]).toEqual([0]);
    expect(snapshot.portsMatching({ within: { low: 6060, high: 6070 } }).length).toBe(6);
    expect(snapshot.namedAssignments({ protocols: ['udp'] }).map((a) => a.portLow)).toEqual([22]);
  });

  it('keeps the change feed and each port history', () => {
    expect(snapshot.changes({ since: '2021-01-01' }).map((c) => [c.kind, c.serviceName])).toEqual([
      ['removed', 'http'],
    ]);
    expect(snapshot.portHistory(80).map((e) => [e.date, e.kind])).toEqual([
      ['2020-01-01', 'added'],
      ['2021-01-01', 'removed'],
    ]);
    const [first] = snapshot.changes({ port: 6010 });
    expect(first && snapshot.change(first.id)).toBe(first);
    expect(snapshot.sourceChanges(2).map((c) => [c.kind, c.portLow])).toEqual([['removed', 80]]);
    expect(snapshot.sourceChanges(1).map((c) => c.portLow)).toEqual([
      0, 22, 22, 80, 443, 749, 6000, 6064,
    ]);
  });

  it('knows its sources, people, classes and registry', () => {
    expect(snapshot.registry.latest?.edition).toBe('iana:2021-01-01');
    expect(snapshot.registry.currentRecordCount).toBe(7);
    expect(snapshot.person('Stephen_Gildea')?.name).toBe('Stephen Gildea');
    expect(snapshot.rangeClassOf(80, '2020-01-01')?.name).toBe('System Ports');
    expect(snapshot.ephemeralRanges('2020-01-01', 50000).length).toBeGreaterThan(0);
  });

  it('searches numbers, ranges, names in any case, words and typos', () => {
    const summary = (query: string) =>
      snapshot
        .search(query)
        .map((hit) =>
          hit.kind === 'service'
            ? `${hit.reason}:${hit.serviceName}`
            : hit.kind === 'port'
              ? `port:${hit.port}`
              : hit.kind === 'range'
                ? `range:${hit.low}-${hit.high}`
                : `${hit.reason}:software:${hit.softwareId}`,
        );
    expect(summary('443')).toEqual(['port:443', 'port:https']);
    expect(summary('6010 .. 6000')).toEqual(['range:6000-6010', 'range:x11']);
    expect(summary('SSH')[0]).toBe('name:ssh');
    expect(summary('kerberos admin')).toEqual(['text:kerberos-adm']);
    expect(summary('kerbros-adm')).toContain('fuzzy:kerberos-adm');
    expect(summary('zzqxv')).toEqual([]);
    expect(summary('kerb adm')).toContain('text:kerberos-adm');
    // A word under three letters matches only itself, not every word it begins.
    expect(summary('s')).toEqual([]);
  });

  it('yields to the event loop between phases while it builds', async () => {
    let pauses = 0;
    await buildRegistrySnapshot(rows, { pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(5);
  });
});

/** A port de-assigned in 2025 (IANA lists it as Reserved), and a name replaced by another. */
const small = await buildRegistrySnapshot(
  snapshotRowsFrom([
    {
      id: 1,
      edition: 'iana:2024-01-01',
      published: '2024-01-01',
      records: [
        record({ serviceName: 'compressnet', port: 9, protocol: 'tcp', description: 'Compress' }),
        record({ serviceName: 'old', port: 12, protocol: 'tcp', description: 'Old' }),
      ],
    },
    {
      id: 2,
      edition: 'iana:2025-01-01',
      published: '2025-01-01',
      records: [
        record({
          port: 9,
          protocol: 'tcp',
          description: 'Reserved',
          notes: 'De-assigned on 2025-02-13, previously compressnet',
          status: 'deassigned',
        }),
        record({ serviceName: 'ten', port: 10, protocol: 'tcp', description: 'Ten' }),
        record({ serviceName: 'eleven', port: 11, protocol: 'udp', description: 'Eleven' }),
        record({ port: 12, protocol: 'tcp', description: 'Unassigned' }),
        record({
          serviceName: 'whoispp',
          port: 63,
          protocol: 'tcp',
          description:
            'whois++\n\nIANA assigned this well-formed service name as a replacement for "whois++".',
        }),
      ],
    },
  ]),
);

describe('RegistrySnapshot: what a port page and the API share', () => {
  it('keeps a de-assigned port (IANA: Reserved) out of free blocks and nearest free ports', () => {
    expect(small.portStatus(9)).toBe('deassigned');
    expect(small.port(9).freeBlock).toBeNull();
    expect(small.port(9).nearestFree).toBe(8);
    expect(small.port(10).nearestFree).toBe(8);
    expect(small.port(11).nearestFree).toBe(12);
    expect(small.port(12).freeBlock).toEqual({ low: 12, high: 62 });
    expect(small.freeBlocks({ low: 0, high: 20 })).toEqual([
      { low: 0, high: 8 },
      { low: 12, high: 20 },
    ]);
  });

  it("lists every era's records at a port, and every service, those known by a link too", () => {
    expect(small.allAssignmentsAt(12).map((a) => [a.serviceName, a.validTo])).toEqual([
      ['old', '2025-01-01'],
      [null, null],
    ]);
    expect(small.assignmentsAt(12).map((a) => a.status)).toEqual(['unassigned']);
    expect(small.services().map((s) => s.name)).toEqual([
      'compressnet',
      'eleven',
      'old',
      'ten',
      'whois++',
      'whoispp',
    ]);
    expect(small.service('whois++')?.laterNames).toEqual([
      { name: 'whoispp', kind: 'replacement' },
    ]);
    expect(small.service('WHOISPP')?.formerNames).toEqual([
      { name: 'whois++', kind: 'replacement' },
    ]);
  });
});
