import { describe, expect, it } from 'vitest';
import {
  EARLY_RFC_FIELDS,
  type FixtureDocument,
  record,
  timelineInput,
} from '../../test/fixtures/timeline/records.ts';
import { buildTimeline } from './timeline.ts';
import type { Timeline } from './types.ts';

function build(documents: readonly FixtureDocument[]): Timeline {
  const { sources, entries } = timelineInput(documents);
  return buildTimeline(sources, entries);
}

describe('buildTimeline across the Assigned Numbers RFCs', () => {
  const rfcs = build([
    {
      id: 1,
      kind: 'rfc',
      edition: 'rfc:870',
      published: '1983-10-01',
      fields: EARLY_RFC_FIELDS,
      records: [record({ port: 15, description: 'Who is up or NETSTAT', status: 'assigned' })],
    },
    {
      id: 2,
      kind: 'rfc',
      edition: 'rfc:990',
      published: '1986-11-01',
      fields: ['serviceName', 'portRange', 'description', 'references'],
      records: [record({ serviceName: 'NETSTAT', port: 15, description: 'Who is up or NETSTAT' })],
    },
    {
      id: 3,
      kind: 'rfc',
      edition: 'rfc:1010',
      published: '1987-05-01',
      fields: ['serviceName', 'portRange', 'description', 'references'],
      records: [record({ port: 15, description: 'Unassigned' })],
    },
    {
      id: 4,
      kind: 'rfc',
      edition: 'rfc:1340',
      published: '1992-07-01',
      fields: ['serviceName', 'portRange', 'protocol', 'description', 'references'],
      records: [
        record({ port: 15, protocol: 'tcp', description: 'Unassigned [was netstat]' }),
        record({ port: 15, protocol: 'udp', description: 'Unassigned [was netstat]' }),
      ],
    },
  ]);

  it('follows port 15 from "Who is up or NETSTAT" to "Unassigned [was netstat]" for each protocol', () => {
    const lineages = new Set(rfcs.assignments.map((a) => a.lineage));
    expect(lineages.size).toBe(2);
    for (const lineage of lineages) {
      const periods = rfcs.assignments
        .filter((a) => a.lineage === lineage)
        .map((a) => [a.validFrom, a.validTo])
        .sort();
      expect(periods).toEqual([
        ['1983-10-01', '1986-11-01'],
        ['1986-11-01', '1987-05-01'],
        ['1987-05-01', '1992-07-01'],
        ['1992-07-01', null],
      ]);
    }
  });

  it('reports no change for a keyword the older RFC did not carry', () => {
    const at990 = rfcs.changes.filter((c) => c.sourceId === 2);
    expect(at990).toEqual([]);
  });

  it('reports the name withdrawn in RFC 1010 as a modification', () => {
    const at1010 = rfcs.changes.filter((c) => c.sourceId === 3);
    expect(at1010).toHaveLength(2);
    expect(at1010[0]?.fields).toEqual({
      serviceName: { before: 'NETSTAT', after: null },
      description: { before: 'Who is up or NETSTAT', after: 'Unassigned' },
    });
  });

  it('reads "[was netstat]" as a de-assignment found under netstat, once per protocol', () => {
    const notes = rfcs.changes.filter((c) => c.origin === 'note');
    expect(notes.map((c) => [c.kind, c.serviceName, c.protocol, c.occurred, c.evidence])).toEqual([
      ['deassigned', 'netstat', 'tcp', '1992-07-01', 'Unassigned [was netstat]'],
      ['deassigned', 'netstat', 'udp', '1992-07-01', 'Unassigned [was netstat]'],
    ]);
  });
});

describe('buildTimeline with IANA notes', () => {
  const xml = (id: number, date: string, records: FixtureDocument['records']): FixtureDocument => ({
    id,
    kind: 'iana-xml',
    edition: `iana:${date}`,
    published: date,
    records,
  });
  const compressnet = record({
    serviceName: 'compressnet',
    port: 2,
    protocol: 'tcp',
    description: 'Management Utility',
  });
  const deassigned = record({
    port: 2,
    protocol: 'tcp',
    description: 'Unassigned',
    notes: 'De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]',
  });
  const whois = record({
    serviceName: 'whois++',
    port: 63,
    protocol: 'tcp',
    description: 'whois++',
  });
  const whoispp = record({
    serviceName: 'whoispp',
    port: 63,
    protocol: 'tcp',
    description:
      'whois++\n\nIANA assigned this well-formed service name as a replacement for "whois++".',
  });
  const timeline = build([
    xml(1, '2024-01-05', [compressnet, whois, whoispp]),
    xml(2, '2025-03-01', [deassigned, whois, whoispp]),
    xml(3, '2026-01-23', [deassigned, whois, whoispp]),
  ]);

  it('dates a de-assignment by the date its note states, once', () => {
    const notes = timeline.changes.filter((c) => c.kind === 'deassigned');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      sourceId: 2,
      previousSourceId: 1,
      occurred: '2025-02-13',
      origin: 'note',
      serviceName: 'compressnet',
      evidence: 'De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]',
    });
    const diff = timeline.changes.find(
      (c) => c.lineage === notes[0]?.lineage && c.kind === 'modified',
    );
    expect(diff?.fields?.serviceName).toEqual({ before: 'compressnet', after: null });
  });

  it('links an ill-formed name to its replacement, both ways', () => {
    expect(timeline.nameLinks).toEqual([
      { formerName: 'whois++', laterName: 'whoispp', kind: 'replacement', sourceId: 1 },
    ]);
    const replacement = timeline.changes.find((c) => c.kind === 'renamed');
    expect(replacement).toMatchObject({
      origin: 'note',
      occurred: '2024-01-05',
      fields: { serviceName: { before: 'whois++', after: 'whoispp' } },
    });
  });
});
