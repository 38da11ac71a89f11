import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import {
  composeHistoryChanges,
  timelineNetChanges,
  withoutAssignee,
} from '../../test/fixtures/timeline/iana-history.ts';
import { canonicalRecord } from '../records/fingerprint.ts';
import { parseSource } from '../sources/detect.ts';
import { sharedDataFile } from '../testing.ts';
import { buildTimeline } from './timeline.ts';
import type { TimelineEntry, TimelineSource } from './types.ts';

const YEARLY = [
  '2017-03-10',
  '2018-01-05',
  '2019-01-08',
  '2020-01-08',
  '2021-01-06',
  '2022-01-10',
  '2023-01-03',
  '2024-01-05',
  '2025-01-13',
  '2026-01-23',
];

function loadYearlySnapshots(): { sources: TimelineSource[]; entries: TimelineEntry[] } {
  const paths = [
    ...YEARLY.map((date) => sharedDataFile(`iana-snapshots/${date}.xml.gz`) as string),
    sharedDataFile('iana/service-names-port-numbers.xml') as string,
  ];
  const versions = new Map<string, number>();
  const sources: TimelineSource[] = [];
  const entries: TimelineEntry[] = [];
  paths.forEach((path, i) => {
    const document = parseSource(readFileSync(path), path);
    const { kind, edition, published, fields } = document;
    sources.push({ id: i + 1, kind, edition, published, fields });
    document.records.forEach((record, position) => {
      const content = canonicalRecord(record);
      const versionId = versions.get(content) ?? versions.size + 1;
      versions.set(content, versionId);
      entries.push({ sourceId: i + 1, position, versionId, record });
    });
  });
  return { sources, entries };
}

describeSharedData('the timeline of the yearly XML snapshots 2017–2026', () => {
  const { sources, entries } = loadYearlySnapshots();
  const timeline = buildTimeline(sources, entries);
  const publishedOf = new Map(sources.map((s) => [s.id, s.published]));

  it('has the net changes IANA history records between consecutive snapshots', () => {
    const editions = sources.map((s) => s.published);
    const expected = withoutAssignee(
      composeHistoryChanges(sharedDataFile('iana-history/changes.jsonl') as string, editions),
    );
    const actual = withoutAssignee(timelineNetChanges(timeline, entries, publishedOf));
    expect(expected.size).toBeGreaterThan(1300);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('keeps every current record in a lineage that is still open', () => {
    const latest = sources.at(-1)?.id;
    const current = timeline.assignments.filter((a) => a.validTo === null);
    expect(current.every((a) => a.lastSourceId === latest)).toBe(true);
    expect(current).toHaveLength(entries.filter((e) => e.sourceId === latest).length);
  });

  it('dates the 2025 de-assignment of compressnet from its note', () => {
    const events = timeline.changes.filter(
      (c) => c.origin === 'note' && c.kind === 'deassigned' && c.serviceName === 'compressnet',
    );
    expect(events.map((c) => [c.portLow, c.protocol, c.occurred])).toEqual(
      expect.arrayContaining([
        [2, 'tcp', '2025-02-13'],
        [2, 'udp', '2025-02-13'],
        [3, 'tcp', '2025-02-13'],
        [3, 'udp', '2025-02-13'],
      ]),
    );
  });

  it('links RFC 6335 replacements of ill-formed names', () => {
    expect(timeline.nameLinks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          formerName: 'whois++',
          laterName: 'whoispp',
          kind: 'replacement',
        }),
        expect.objectContaining({
          formerName: 'sql*net',
          laterName: 'sql-net',
          kind: 'replacement',
        }),
      ]),
    );
  });
});
