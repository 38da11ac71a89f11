import { describe, expect, it } from 'vitest';
import type { SoftwareDefaults } from '../software/model.ts';
import { record, snapshotRowsFrom } from '../testing.ts';
import { buildRegistrySnapshot } from './build-snapshot.ts';
import type { RegistrySnapshot } from './registry-snapshot.ts';
import type { SnapshotRows } from './rows.ts';
import { isCurrent } from './validity.ts';

const ssh = record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'Secure Shell' });
const x11 = record({
  serviceName: 'x11',
  port: [6000, 6063],
  protocol: 'tcp',
  description: 'X Window System',
  assignee: 'Stephen_Gildea',
});
const people = [
  { id: 'Stephen_Gildea', name: 'Stephen Gildea', org: null, uri: null, updated: null },
];

/** Three registries: a port moved, a record removed, one de-assigned, a name replaced. */
const rows = snapshotRowsFrom([
  {
    id: 1,
    edition: 'iana:2020-01-01',
    published: '2020-01-01',
    people,
    records: [
      record({ port: 0, protocol: 'tcp', description: 'Reserved', status: 'reserved' }),
      record({ serviceName: 'compressnet', port: 2, protocol: 'tcp', description: 'Compress' }),
      ssh,
      record({ serviceName: 'telnet', port: 1, protocol: 'tcp', description: 'Telnet' }),
      record({ serviceName: 'http', port: 80, protocol: 'tcp', description: 'World Wide Web' }),
      record({ serviceName: 'whois++', port: 63, protocol: 'tcp', description: 'whois++' }),
      x11,
    ],
  },
  {
    id: 2,
    edition: 'iana:2021-01-01',
    published: '2021-01-01',
    people,
    records: [
      record({ port: 0, protocol: 'tcp', description: 'Reserved', status: 'reserved' }),
      record({ serviceName: 'compressnet', port: 2, protocol: 'tcp', description: 'Compress' }),
      ssh,
      record({ serviceName: 'telnet', port: 23, protocol: 'tcp', description: 'Telnet' }),
      record({
        serviceName: 'whoispp',
        port: 63,
        protocol: 'tcp',
        description:
          'whois++\n\nIANA assigned this well-formed service name as a replacement for "whois++".',
      }),
      x11,
    ],
  },
  {
    id: 3,
    edition: 'iana:2025-03-01',
    published: '2025-03-01',
    people,
    records: [
      record({ port: 0, protocol: 'tcp', description: 'Reserved', status: 'reserved' }),
      record({
        port: 2,
        protocol: 'tcp',
        description: 'Reserved',
        notes: 'De-assigned on 2025-02-13, previously compressnet',
        status: 'deassigned',
      }),
      ssh,
      record({ serviceName: 'telnet', port: 23, protocol: 'tcp', description: 'Telnet' }),
      record({ serviceName: 'whoispp', port: 63, protocol: 'tcp', description: 'whois++' }),
      x11,
      record({ port: [6064, 6065], protocol: 'tcp', description: 'Unassigned' }),
    ],
  },
]);

const citation = { url: 'https://example.test/ports', title: 'ports' };
const software: SoftwareDefaults = {
  software: [
    {
      id: 'openssh',
      name: 'OpenSSH',
      category: 'remote-access',
      homepage: 'https://example.test/',
      uses: [{ low: 22, high: 22, protocols: ['tcp'], purpose: 'sshd', setting: null, citation }],
    },
    {
      id: 'tensorboard',
      name: 'TensorBoard',
      category: 'devtools',
      homepage: 'https://example.test/',
      uses: [
        { low: 6006, high: 6006, protocols: ['tcp'], purpose: 'web UI', setting: null, citation },
      ],
    },
  ],
  browserBlocked: [{ port: 23, service: 'telnet', added: '2001-08-15', citation }],
  version: 'test',
};

/** Everything the API, the site and the terminal ask of a snapshot, as data to compare. */
function answers(snapshot: RegistrySnapshot) {
  const dates = [undefined, '2019-06-01', '2020-06-01', '2021-01-01', '2025-06-01'];
  const ports = [0, 1, 2, 22, 23, 63, 80, 6006, 6010, 6064, 9000];
  return {
    version: snapshot.answersVersion,
    registry: snapshot.registry,
    ports: dates.flatMap((at) => ports.map((port) => ({ ...snapshot.port(port, at) }))),
    free: dates.map((at) => [
      snapshot.freeBlocks({ low: 0, high: 100 }, { at, minLength: 2 }),
      snapshot.freeBlocks({ low: 0, high: 100 }, { at, web: true, protocols: ['tcp'] }),
      snapshot.nearestFree(22, { at }),
    ]),
    matching: dates.map((at) => [
      snapshot.assignmentsMatching({ at, within: { low: 0, high: 70 } }),
      snapshot.serviceNames({ at, text: 'whois' }),
      [...snapshot.portsMatching({ at, person: 'gildea' })].length,
    ]),
    services: snapshot.services(),
    service: ['SSH', 'whois++', 'compressnet', 'nope'].map((name) => snapshot.service(name)),
    changes: [snapshot.changes(), snapshot.changes({ serviceName: 'telnet' })],
    histories: ports.map((port) => snapshot.portHistory(port)),
    sourceChanges: [1, 2, 3].map((id) => snapshot.sourceChanges(id)),
    search: ['ssh', 'whois', 'x11 window', '6000-6010', '23', 'tensor', 'openssh'].map((q) => [
      snapshot.search(q),
      snapshot.softwareNamed(q),
    ]),
    conflicts: snapshot.softwareConflicts,
    counts: snapshot.assignedRecordCounts(['2020-06-01', '2025-06-01']),
    people: snapshot.person('Stephen_Gildea'),
  };
}

/** The rows as the CLI's cache gives them: the current records apart, every other part read lazily. */
function lazyRows(from: SnapshotRows, reads: Set<string>): SnapshotRows {
  const read = <T>(part: string, value: T) => {
    reads.add(part);
    return value;
  };
  return {
    version: from.version,
    sources: from.sources,
    nameLinks: from.nameLinks,
    rangeClasses: from.rangeClasses,
    currentAssignments: from.assignments.filter(isCurrent),
    get assignments() {
      return read('assignments', from.assignments);
    },
    get changes() {
      return read('changes', from.changes);
    },
    get people() {
      return read('people', from.people);
    },
  };
}

describe('buildRegistrySnapshot: every index up front, or each on first use', () => {
  it('answers every question alike', async () => {
    const all = await buildRegistrySnapshot(rows, { software });
    const onDemand = await buildRegistrySnapshot(rows, {
      software,
      indexes: 'on-demand',
      searchWords: true,
    });
    const fromLazyRows = await buildRegistrySnapshot(lazyRows(rows, new Set()), {
      software,
      indexes: 'on-demand',
      searchWords: true,
    });
    const expected = answers(all);
    expect(expected.ports.some((view) => view.history.length > 0)).toBe(true);
    expect(expected.ports.some((view) => view.conflicts.length > 0)).toBe(true);
    expect(expected.conflicts.map((conflict) => conflict.port)).toContain(6006);
    expect(answers(onDemand)).toEqual(expected);
    expect(answers(fromLazyRows)).toEqual(expected);
  });

  it("reads neither the past records nor the changes for today's registry", async () => {
    const reads = new Set<string>();
    const snapshot = await buildRegistrySnapshot(lazyRows(rows, reads), {
      software,
      indexes: 'on-demand',
    });
    const view = snapshot.port(6010);
    expect(view.assignments.map((row) => row.serviceName)).toEqual(['x11']);
    expect(snapshot.person('Stephen_Gildea')?.name).toBe('Stephen Gildea');
    expect(snapshot.freeBlocks({ low: 0, high: 30 })).toContainEqual({ low: 3, high: 21 });
    expect(snapshot.assignmentsMatching({ within: { low: 60, high: 70 } })).toHaveLength(1);
    expect([...reads]).toEqual(['people']);
    expect(view.history.map((event) => event.kind)).toEqual(['added']);
    expect(reads).toContain('changes');
    expect(reads).not.toContain('assignments');
    expect(snapshot.port(80, '2020-06-01').status).toBe('assigned');
    expect(reads).toContain('assignments');
  });

  it('searches only when built with the word index', async () => {
    const snapshot = await buildRegistrySnapshot(rows, { indexes: 'on-demand' });
    expect(() => snapshot.search('ssh')).toThrow(/searchWords/);
  });
});
