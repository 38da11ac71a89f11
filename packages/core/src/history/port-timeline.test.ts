import { describe, expect, it } from 'vitest';
import { EARLY_RFC_FIELDS, record, timelineInput } from '../../test/fixtures/timeline/records.ts';
import type { RegistryRecord } from '../model.ts';
import { type HistorySource, portEvents, stateAt } from './port-timeline.ts';
import { buildTimeline } from './timeline.ts';

const documents = [
  {
    id: 1,
    kind: 'rfc' as const,
    edition: 'rfc:870',
    published: '1983-10-01',
    fields: EARLY_RFC_FIELDS,
    records: [record({ port: 15, description: 'Who is up or NETSTAT', status: 'assigned' })],
  },
  {
    id: 2,
    kind: 'rfc' as const,
    edition: 'rfc:1010',
    published: '1987-05-01',
    fields: ['serviceName', 'portRange', 'description', 'references'] as const,
    records: [record({ port: 15, description: 'Unassigned' })],
  },
  {
    id: 3,
    kind: 'rfc' as const,
    edition: 'rfc:1340',
    published: '1992-07-01',
    fields: ['serviceName', 'portRange', 'protocol', 'description', 'references'] as const,
    records: [
      record({ port: 15, protocol: 'tcp', description: 'Unassigned [was netstat]' }),
      record({ port: 15, protocol: 'udp', description: 'Unassigned [was netstat]' }),
    ],
  },
];
const sources: HistorySource[] = documents.map(({ id, kind, edition, published }) => ({
  id,
  kind,
  edition,
  published,
  title: `RFC ${edition.slice(4)}`,
}));
const { sources: timelineSources, entries } = timelineInput(documents);
const timeline = buildTimeline(timelineSources, entries);
const records = new Map(entries.map((e) => [e.versionId, e.record]));
const assignments = timeline.assignments.map((a) => ({
  ...a,
  record: records.get(a.versionId) as RegistryRecord,
}));

describe('portEvents', () => {
  const events = portEvents(timeline.changes, sources);

  it('lists a port history in date order, with its documents, once per event', () => {
    expect(events.map((e) => [e.date, e.kind, e.origin, e.protocol, e.source?.edition])).toEqual([
      ['1983-10-01', 'added', 'diff', null, 'rfc:870'],
      ['1987-05-01', 'modified', 'diff', null, 'rfc:1010'],
      ['1992-07-01', 'modified', 'diff', 'tcp', 'rfc:1340'],
      ['1992-07-01', 'deassigned', 'note', 'tcp', 'rfc:1340'],
      ['1992-07-01', 'modified', 'diff', 'udp', 'rfc:1340'],
      ['1992-07-01', 'deassigned', 'note', 'udp', 'rfc:1340'],
    ]);
  });

  it('merges the copies forked lineages share, keeping both lineages', () => {
    expect(events[0]?.lineages).toHaveLength(2);
    expect(events[1]?.previousSource?.edition).toBe('rfc:870');
  });
});

/** whois++ renamed in place to whoispp, with IANA's note saying so: one rename, not two. */
function renameHistory(formerName: string) {
  const description = 'whois++ directory';
  const renamed = [
    {
      id: 1,
      kind: 'iana-xml' as const,
      edition: 'iana:2020-01-08',
      published: '2020-01-08',
      records: [record({ serviceName: formerName, port: 63, protocol: 'tcp', description })],
    },
    {
      id: 2,
      kind: 'iana-xml' as const,
      edition: 'iana:2026-08-17',
      published: '2026-08-17',
      records: [
        record({
          serviceName: 'whoispp',
          port: 63,
          protocol: 'tcp',
          description,
          notes: 'This entry is now the replacement for "WHOIS++".',
        }),
      ],
    },
  ];
  const input = timelineInput(renamed);
  const { changes } = buildTimeline(input.sources, input.entries);
  const historySources = renamed.map(({ id, kind, edition, published }) => ({
    id,
    kind,
    edition,
    published,
    title: edition,
  }));
  return portEvents(changes, historySources).map((e) => [e.kind, e.origin, e.evidence, e.fields]);
}

describe('portEvents on a rename IANA also wrote down', () => {
  it('shows it once: the diff with its fields, the note as its evidence', () => {
    expect(renameHistory('whois++')).toEqual([
      ['added', 'diff', null, null],
      [
        'renamed',
        'diff',
        'This entry is now the replacement for "WHOIS++".',
        {
          serviceName: { before: 'whois++', after: 'whoispp' },
          notes: { before: null, after: 'This entry is now the replacement for "WHOIS++".' },
        },
      ],
    ]);
  });

  it('keeps both when the note names another former name', () => {
    expect(renameHistory('nicname').map(([kind, origin]) => [kind, origin])).toEqual([
      ['added', 'diff'],
      ['renamed', 'note'],
      ['renamed', 'diff'],
    ]);
  });
});

describe('stateAt', () => {
  it('says what the registry said on a date', () => {
    const describe = (date: string) =>
      stateAt(assignments, date).map((a) => [a.record.protocol, a.record.description]);
    expect(describe('1980-01-01')).toEqual([]);
    expect(describe('1985-01-01')).toEqual([[null, 'Who is up or NETSTAT']]);
    expect(describe('1990-01-01')).toEqual([[null, 'Unassigned']]);
    expect(describe('2000-01-01')).toEqual([
      ['tcp', 'Unassigned [was netstat]'],
      ['udp', 'Unassigned [was netstat]'],
    ]);
  });
});
