import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import type { RegistryRecord } from '../model.ts';
import { canonicalRecord } from '../records/fingerprint.ts';
import { parseSource } from '../sources/detect.ts';
import { sharedDataFile } from '../testing.ts';
import { buildTimeline } from './timeline.ts';
import type { TimelineEntry, TimelineSource } from './types.ts';

const RFCS = [
  349, 433, 503, 739, 750, 755, 758, 762, 770, 776, 790, 820, 870, 900, 923, 943, 960, 990, 1010,
  1060, 1340, 1700,
];
const PATHS = [...RFCS.map((n) => `rfc/rfc${n}.txt`), 'iana/service-names-port-numbers.xml'];

describeSharedData('port 1 and 23 from the NCP socket lists (1972) to today', () => {
  const documents = PATHS.map((path) =>
    parseSource(readFileSync(sharedDataFile(path) as string), path),
  );
  const versions = new Map<string, number>();
  const sources: TimelineSource[] = [];
  const entries: TimelineEntry[] = [];
  documents.forEach(({ kind, edition, published, fields, records }, i) => {
    sources.push({ id: i + 1, kind, edition, published, fields });
    records.forEach((record, position) => {
      const content = canonicalRecord(record);
      const versionId = versions.get(content) ?? versions.size + 1;
      versions.set(content, versionId);
      entries.push({ sourceId: i + 1, position, versionId, record });
    });
  });
  const timeline = buildTimeline(sources, entries);
  const records = new Map(entries.map((e) => [e.versionId, e.record]));
  const edition = new Map(sources.map((s) => [s.id, s.edition]));
  /** The lineage's versions in date order: [edition first stated, port, service name, description]. */
  const story = (lineage: string) =>
    timeline.assignments
      .filter((a) => a.lineage === lineage)
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
      .map((a) => {
        const r = records.get(a.versionId) as RegistryRecord;
        return [edition.get(a.firstSourceId), r.portRange?.low, r.serviceName, r.description];
      });
  const lineageOf = (port: number, description: string, inEdition: string) =>
    timeline.assignments.find((a) => {
      const r = records.get(a.versionId) as RegistryRecord;
      return (
        r.portRange?.low === port &&
        r.description === description &&
        (r.protocol === 'tcp' || r.protocol === null) &&
        edition.get(a.firstSourceId) === inEdition
      );
    })?.lineage as string;

  /** What the records covering a port say in one edition (a forked lineage repeats its past once). */
  const statedOn = (port: number, inEdition: string) => {
    const id = sources.find((s) => s.edition === inEdition)?.id as number;
    const names = timeline.assignments
      .filter((a) => a.firstSourceId <= id && a.lastSourceId >= id)
      .map((a) => records.get(a.versionId) as RegistryRecord)
      .filter((r) => r.portRange && r.portRange.low <= port && port <= r.portRange.high)
      .filter((r) => r.protocol === 'tcp' || r.protocol === null)
      .map((r) => r.serviceName ?? r.description);
    return [...new Set(names)];
  };

  it('reads port 1 as Telnet in 1972, "Old Telnet" in RFC 739, tcpmux today', () => {
    expect(statedOn(1, 'ncp:349')).toEqual(['Telnet']);
    expect(statedOn(1, 'rfc:739')).toEqual(['Old Telnet']);
    expect(statedOn(1, 'iana:2026-08-17')).toEqual(['tcpmux']);
    const port1 = story(lineageOf(1, 'Telnet', 'ncp:349'));
    expect(port1.slice(0, 4)).toEqual([
      ['ncp:349', 1, null, 'Telnet'],
      ['ncp:433', 1, null, 'Telnet'],
      ['ncp:503', 1, null, 'Telnet'],
      ['rfc:739', 1, null, 'Old Telnet'],
    ]);
  });

  it("shows Telnet moving from socket 1 to port 23 in RFC 739, on the lineage of today's telnet", () => {
    const port23 = story(lineageOf(23, 'New Telnet', 'rfc:739'));
    expect(port23[0]).toEqual(['ncp:349', 1, null, 'Telnet']);
    expect(port23.at(-1)).toEqual(['iana:2026-08-17', 23, 'telnet', 'Telnet']);
    const move = timeline.changes.find(
      (c) =>
        c.lineage === lineageOf(23, 'New Telnet', 'rfc:739') &&
        c.portLow === 23 &&
        c.kind !== 'added',
    );
    expect(move?.fields?.portRange).toEqual({
      before: { low: 1, high: 1 },
      after: { low: 23, high: 23 },
    });
    expect(move?.occurred).toBe('1977-11-01');
  });

  it('moves File Transfer from 3 to 21 the same way', () => {
    expect(story(lineageOf(21, 'New File Transfer', 'rfc:739'))[0]).toEqual([
      'ncp:349',
      3,
      null,
      'File Transfer',
    ]);
  });
});
