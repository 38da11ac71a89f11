import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FixtureDocument,
  record,
  timelineInput,
} from '../../test/fixtures/timeline/records.ts';
import { buildTimeline } from './timeline.ts';
import type { Timeline } from './types.ts';

const DOCUMENTS: FixtureDocument[] = [
  {
    id: 11,
    kind: 'iana-text',
    edition: 'iana:2008-02-29',
    published: '2008-02-29',
    fields: ['serviceName', 'portRange', 'protocol', 'description', 'contact', 'references'],
    records: [
      record({ serviceName: 'echo', port: 7, protocol: 'tcp', description: 'Echo' }),
      record({ serviceName: 'whois++', port: 63, protocol: 'tcp', description: 'whois++' }),
      record({ port: [256, 343], description: 'Unassigned' }),
    ],
  },
  {
    id: 12,
    kind: 'iana-xml',
    edition: 'iana:2013-02-18',
    published: '2013-02-18',
    records: [
      record({
        serviceName: 'echo',
        port: 7,
        protocol: 'tcp',
        description: 'Echo',
        registered: '1990-01-01',
      }),
      record({ serviceName: 'whoispp', port: 63, protocol: 'tcp', description: 'whois++' }),
      record({ port: [256, 260], description: 'Unassigned' }),
      record({ serviceName: 'newsvc', port: 261, protocol: 'tcp', description: 'A new service' }),
      record({ port: [262, 343], description: 'Unassigned' }),
    ],
  },
  {
    id: 13,
    kind: 'iana-csv',
    edition: 'iana:2013-02-18',
    published: '2013-02-18',
    records: [record({ serviceName: 'echo', port: 7, protocol: 'tcp', description: 'Echo' })],
  },
  {
    id: 14,
    kind: 'iana-xml',
    edition: 'iana:2015-01-09',
    published: '2015-01-09',
    records: [
      record({
        serviceName: 'echo',
        port: 7,
        protocol: 'tcp',
        description: 'Echo service',
        registered: '1990-01-01',
      }),
      record({ serviceName: 'whoispp', port: 63, protocol: 'tcp', description: 'whois++' }),
      record({ port: [256, 343], description: 'Unassigned' }),
    ],
  },
  {
    id: 15,
    kind: 'iana-xml',
    edition: 'iana:2017-03-10',
    published: '2017-03-10',
    records: [
      record({
        serviceName: 'echo',
        port: 7,
        protocol: 'tcp',
        description: 'Echo service',
        registered: '1990-01-01',
      }),
      record({ port: [256, 343], description: 'Unassigned' }),
      record({ serviceName: 'newsvc', port: 261, protocol: 'tcp', description: 'A new service' }),
    ],
  },
];

function build(documents: readonly FixtureDocument[]): Timeline {
  const { sources, entries } = timelineInput(documents);
  return buildTimeline(sources, entries);
}

const timeline = build(DOCUMENTS);

function lineageOf(name: string): string {
  const change = timeline.changes.find((c) => c.serviceName === name && c.kind === 'added');
  if (!change) throw new Error(`no lineage for ${name}`);
  return change.lineage;
}

describe('buildTimeline', () => {
  it('keeps one source per edition, the richest, in date order', () => {
    expect(timeline.sourceIds).toEqual([11, 12, 14, 15]);
  });

  it('gives the same result whatever order sources and entries arrive in', () => {
    const { sources, entries } = timelineInput(DOCUMENTS);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(sources, { minLength: sources.length }),
        fc.shuffledSubarray(entries, { minLength: entries.length }),
        (shuffledSources, shuffledEntries) => {
          expect(buildTimeline(shuffledSources, shuffledEntries)).toEqual(timeline);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('dates each version by the unbroken run of sources that state it', () => {
    const echo = timeline.assignments
      .filter((a) => a.lineage === lineageOf('echo'))
      .map((a) => [a.validFrom, a.validTo]);
    expect(echo).toContainEqual(['2008-02-29', '2013-02-18']);
    expect(echo).toContainEqual(['2013-02-18', '2015-01-09']);
    expect(echo).toContainEqual(['2015-01-09', null]);
    expect(echo).toHaveLength(3);
  });

  it('attributes a change across a gap to the later source, with the earlier one as previous', () => {
    const change = timeline.changes.find(
      (c) => c.lineage === lineageOf('echo') && c.kind === 'modified',
    );
    expect(change).toMatchObject({
      sourceId: 14,
      previousSourceId: 12,
      occurred: '2015-01-09',
      fields: { description: { before: 'Echo', after: 'Echo service' } },
    });
  });

  it('compares only the fields both documents carry', () => {
    // 2008 text carries no registration date: gaining one in 2013 is not a change.
    const echoChanges = timeline.changes.filter((c) => c.lineage === lineageOf('echo'));
    expect(echoChanges.map((c) => [c.kind, c.sourceId])).toEqual(
      expect.arrayContaining([
        ['added', 11],
        ['modified', 14],
      ]),
    );
    expect(echoChanges).toHaveLength(2);
  });

  it('follows an ill-formed name to its well-formed replacement', () => {
    const renamed = timeline.changes.find((c) => c.kind === 'renamed');
    expect(renamed).toMatchObject({
      sourceId: 12,
      serviceName: 'whoispp',
      fields: { serviceName: { before: 'whois++', after: 'whoispp' } },
    });
    expect(timeline.nameLinks).toEqual([
      { formerName: 'whois++', laterName: 'whoispp', kind: 'renamed', sourceId: 12 },
    ]);
  });

  it('records a record that disappears, and continues its lineage when it comes back', () => {
    const lineage = lineageOf('newsvc');
    const changes = timeline.changes
      .filter((c) => c.lineage === lineage)
      .map((c) => [c.kind, c.sourceId, c.previousSourceId]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['added', 12, 11],
        ['removed', 14, 12],
        ['added', 15, 14],
      ]),
    );
    const runs = timeline.assignments.filter((a) => a.lineage === lineage);
    expect(runs.map((a) => [a.validFrom, a.validTo]).sort()).toEqual([
      ['2013-02-18', '2015-01-09'],
      ['2017-03-10', null],
    ]);
  });

  it('keeps the lineage of an Unassigned range in its largest piece when a port inside it is assigned', () => {
    const ranges = timeline.changes.filter((c) => c.serviceName === null);
    const split = ranges.find((c) => c.sourceId === 12 && c.kind === 'modified');
    expect(split?.fields?.portRange).toEqual({
      before: { low: 256, high: 343 },
      after: { low: 262, high: 343 },
    });
    expect(ranges.filter((c) => c.kind === 'added' && c.sourceId === 12)).toHaveLength(1);
  });

  it('makes deterministic, unique ids', () => {
    const again = build([...DOCUMENTS].reverse());
    expect(again.assignments.map((a) => a.id)).toEqual(timeline.assignments.map((a) => a.id));
    expect(again.changes.map((c) => c.id)).toEqual(timeline.changes.map((c) => c.id));
    expect(new Set(timeline.assignments.map((a) => a.id)).size).toBe(timeline.assignments.length);
    expect(new Set(timeline.changes.map((c) => c.id)).size).toBe(timeline.changes.length);
  });
});
