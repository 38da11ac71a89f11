import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import { FACTS } from '../../test/fixtures/timeline/era-facts.ts';
import type { Protocol, RegistryRecord, SourceDocument } from '../model.ts';
import { canonicalRecord } from '../records/fingerprint.ts';
import { parseSource } from '../sources/detect.ts';
import { sharedDataFile } from '../testing.ts';
import { stateAt } from './port-timeline.ts';
import { buildTimeline } from './timeline.ts';
import type { TimelineEntry, TimelineSource } from './types.ts';

const RFCS = [
  739, 750, 755, 758, 762, 770, 776, 790, 820, 870, 900, 923, 943, 960, 990, 1010, 1060, 1340, 1700,
];
const TEXTS = ['2004-01-08', '2005-02-17', '2006-04-25', '2008-02-29'];
const XMLS = ['2013-02-18', '2015-01-09', '2020-01-08', '2025-01-13', '2026-01-23'];

/** Every era's documents, by the path under the shared data directory. */
const PATHS = [
  ...RFCS.map((n) => `rfc/rfc${n}.txt`),
  ...TEXTS.map((date) => `iana-snapshots/${date}.port-numbers.txt`),
  ...XMLS.map((date) => `iana-snapshots/${date}.xml.gz`),
  'iana/service-names-port-numbers.xml',
];

function readText(path: string): string {
  const bytes = readFileSync(sharedDataFile(path) as string);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1').replace(/\s+/g, ' ');
}

describeSharedData('the timeline from RFC 739 (1977) to the 2026 registry', () => {
  const documents: (SourceDocument & { path: string })[] = PATHS.map((path) => ({
    ...parseSource(readFileSync(sharedDataFile(path) as string), path),
    path,
  }));
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
  const assignments = timeline.assignments.map((a) => ({
    ...a,
    record: records.get(a.versionId) as RegistryRecord,
  }));
  const documentOf = (edition: string) => documents.find((d) => d.edition === edition);
  const statedOn = (port: number, protocol: Protocol, edition: string) =>
    stateAt(
      assignments.filter(
        (a) =>
          a.record.portRange?.low === port &&
          a.record.portRange.high === port &&
          a.record.protocol === protocol,
      ),
      documentOf(edition)?.published ?? '',
    );

  it.each(FACTS.map((f) => [`${f.port}/${f.protocol} in ${f.edition}`, f] as const))(
    '%s',
    (_, fact) => {
      const document = documentOf(fact.edition);
      expect(document, fact.edition).toBeDefined();
      expect(readText(document?.path ?? '').includes(fact.quote), fact.quote).toBe(true);
      const stated = statedOn(fact.port, fact.protocol, fact.edition).map((a) => [
        a.record.serviceName,
        a.record.description,
      ]);
      expect(stated).toContainEqual([fact.serviceName, fact.description]);
    },
  );

  const lineageOf = (port: number, protocol: Protocol, edition: string, description: string) =>
    statedOn(port, protocol, edition).find((a) => a.record.description === description)?.lineage;

  it('follows 15/tcp as one record from "Who is up or NETSTAT" (1977) to "Unassigned [was netstat]" today', () => {
    const lineage = lineageOf(15, 'tcp', 'rfc:739', 'Who is up or NETSTAT');
    expect(lineage).toBeDefined();
    expect(lineageOf(15, 'tcp', 'rfc:1010', 'Unassigned')).toBe(lineage);
    expect(lineageOf(15, 'tcp', 'iana:2026-08-17', 'Unassigned [was netstat]')).toBe(lineage);
    const withdrawn = timeline.changes.find((c) => c.lineage === lineage && c.origin === 'note');
    expect(withdrawn).toMatchObject({
      kind: 'deassigned',
      serviceName: 'netstat',
      occurred: '1992-07-01',
    });
  });

  it('follows renamed services: New Telnet, SMTP, UNTP and www', () => {
    expect(lineageOf(23, 'tcp', 'rfc:739', 'New Telnet')).toBe(
      lineageOf(23, 'tcp', 'iana:2026-08-17', 'Telnet'),
    );
    expect(lineageOf(25, 'tcp', 'rfc:790', 'SMTP')).toBe(
      lineageOf(25, 'tcp', 'iana:2026-08-17', 'Simple Mail Transfer'),
    );
    expect(lineageOf(53, 'tcp', 'rfc:870', 'Domain Name Server')).toBe(
      lineageOf(53, 'tcp', 'iana:2026-08-17', 'Domain Name Server'),
    );
    expect(timeline.nameLinks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ formerName: 'UNTP', laterName: 'NNTP', kind: 'renamed' }),
        expect.objectContaining({ formerName: 'www', laterName: 'www-http', kind: 'renamed' }),
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

  it.each([
    [
      3,
      'compressnet',
      'deassigned',
      '2025-02-13',
      'De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]',
      'iana/service-names-port-numbers.xml',
    ],
    [
      114,
      'audionews',
      'deassigned',
      '2004-06-01',
      'Deprecated June 2004',
      'iana-snapshots/2005-02-17.port-numbers.txt',
    ],
    [
      2905,
      'm3ua',
      'deassigned',
      '2001-06-07',
      'De-registered (2001 June 07)',
      'iana-snapshots/2004-01-08.port-numbers.txt',
    ],
    [
      51,
      'la-maint',
      'removed',
      '2013-05-24',
      'This entry is being removed on 2013-05-24.',
      'iana-snapshots/2015-01-09.xml.gz',
    ],
  ])('dates port %i (%s) %s on %s from its note', (port, name, kind, occurred, evidence, path) => {
    expect(readText(path).includes(evidence.replace('[Bernie_Volz]', ''))).toBe(true);
    const event = timeline.changes.find(
      (c) => c.origin === 'note' && c.portLow === port && c.evidence === evidence,
    );
    expect(event).toMatchObject({ kind, occurred, serviceName: name });
  });
});
