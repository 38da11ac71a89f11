import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import type { RegistryRecord } from '../model.ts';
import { recordFingerprint } from '../records/fingerprint.ts';
import { recordKey } from '../records/key.ts';
import { sharedDataFile } from '../testing.ts';
import { parseIanaCsv } from './iana-csv.ts';
import { parseIanaXml } from './iana-xml.ts';

/** Records by key; the registry's one duplicate key (two name-only `rdp`) gets a suffix. */
function byKey(records: RegistryRecord[]): Map<string, RegistryRecord> {
  const keyed = new Map<string, RegistryRecord>();
  for (const record of records) {
    let key = recordKey(record);
    while (keyed.has(key)) key += '#';
    keyed.set(key, record);
  }
  return keyed;
}

interface HistoryRecord {
  name?: string;
  number?: string;
  protocol?: string;
}

/** The key of a record as `iana-history/changes.jsonl` writes it. */
function historyKey(record: HistoryRecord): string {
  const [low, high = low] = record.number ? record.number.split('-') : [];
  const range = low === undefined ? '-' : `${low}-${high}`;
  return `${range}/${record.protocol || '-'}/${record.name ? record.name.toLowerCase() : '-'}`;
}

describeSharedData('parseIanaCsv on the 2026-02-13 CSV', () => {
  const csvPath = sharedDataFile('iana/service-names-port-numbers.csv') as string;
  const xmlPath = sharedDataFile('iana/service-names-port-numbers.xml') as string;
  const csv = parseIanaCsv(readFileSync(csvPath), csvPath);
  const xml = parseIanaXml(readFileSync(xmlPath), xmlPath);

  it('holds 14,499 records and dates itself 2026-02-13, the state PROVENANCE.md found', () => {
    expect(csv.records).toHaveLength(14_499);
    expect(csv.edition).toBe('iana:2026-02-13');
  });

  it('differs from the 2026-08-17 XML by the changes IANA made in between', () => {
    const before = byKey(csv.records);
    const after = byKey(xml.records);
    const added = [...after.keys()].filter((key) => !before.has(key));
    const removed = [...before.keys()].filter((key) => !after.has(key));
    const modified = [...before].filter(([key, record]) => {
      const later = after.get(key);
      return later !== undefined && recordFingerprint(later) !== recordFingerprint(record);
    });
    const history = readFileSync(sharedDataFile('iana-history/changes.jsonl') as string, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((change) => change.release > '2026-02-13');
    const historyModified = new Set(
      history
        .filter((change) => change.op === 'modified')
        .map((change) => historyKey(change.after)),
    );
    expect(added).toHaveLength(42);
    expect(removed).toHaveLength(8);
    // 32 modifications in changes.jsonl touch 30 records (pkix-cmc and udpstp twice each).
    expect(historyModified.size).toBe(30);
    // The CSV cannot carry a URI xref's target, nor IANA's indentation of <paragraph>s.
    const lossy = modified.map(([key]) => key).filter((key) => !historyModified.has(key));
    expect(lossy.sort()).toEqual([
      '-/tcp/wot',
      '-/udp/wot',
      '7202-7202/tcp/pon-ictp',
      '8809-8809/udp/3gpp-monp',
    ]);
    expect(modified).toHaveLength(34);
  });
});
