import { readFileSync } from 'node:fs';
import { parseSource, type RegistryRecord, recordKey, type SourceDocument } from '@portbook/core';
import { sharedDataFile } from '@portbook/core/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/index.ts';
import { RECORD_SELECT, type RecordRow, rowRecord } from '../src/import/record-columns.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../src/testing.ts';
import { derivedByContent, rows } from './database-state.ts';

const xmlPath = sharedDataFile('iana/service-names-port-numbers.xml');
const csvPath = sharedDataFile('iana/service-names-port-numbers.csv');
const snapshotPath = sharedDataFile('iana-snapshots/2025-01-13.xml.gz');

function parse(path: string, published?: string): SourceDocument {
  return parseSource(new Uint8Array(readFileSync(path)), path, published ? { published } : {});
}

/** Text compared by words: the CSV indents the paragraphs of two `wot` notes unlike the XML. */
function byWords(record: RegistryRecord): string {
  return JSON.stringify(record, (_, value) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value,
  );
}

/** PROVENANCE.md's way of counting: records keyed by (port, protocol, service name). */
function keyedDiff(before: SourceDocument, after: SourceDocument) {
  const keys = (document: SourceDocument) =>
    new Map(document.records.map((record) => [recordKey(record), byWords(record)]));
  const [old, now] = [keys(before), keys(after)];
  const added = [...now.keys()].filter((key) => !old.has(key)).length;
  const removed = [...old.keys()].filter((key) => !now.has(key)).length;
  const modified = [...now].filter(([key, content]) => old.has(key) && old.get(key) !== content);
  return { added, removed, modified: modified.length };
}

describe.runIf(xmlPath && csvPath && snapshotPath).each(TEST_DATABASE_KINDS)(
  'real registry on %s',
  (kind) => {
    let xml: SourceDocument;
    let csv: SourceDocument;
    let test: TestDatabase;

    beforeAll(() => {
      xml = parse(xmlPath as string);
      csv = parse(csvPath as string, '2026-02-13');
    });
    afterEach(async () => {
      await test?.drop();
    });

    it('imports the 2026-08-17 XML: every record and every field reads back as parsed', async () => {
      test = await createTestDatabase(kind);
      const result = await importDocuments(test.database, [xml]);
      const sourceId = result.imported[0]?.sourceId;

      const stored = await rows<RecordRow>(
        test.database,
        `select ${RECORD_SELECT} from source_records r
           join record_versions v on v.id between r.version_id and r.version_id + r.length - 1
          where r.source_id = ${sourceId} order by r.position + (v.id - r.version_id)`,
      );
      expect(stored.map(rowRecord)).toEqual(xml.records);
      const current = await rows<RecordRow>(
        test.database,
        `select ${RECORD_SELECT} from assignments where valid_to is null order by position`,
      );
      expect(current.map(rowRecord)).toEqual(xml.records);

      const [counts] = await rows(
        test.database,
        `select count(*) filter (where protocol = 'tcp')::int as tcp,
              count(*) filter (where protocol = 'udp')::int as udp,
              count(*) filter (where protocol = 'sctp')::int as sctp,
              count(*) filter (where protocol = 'dccp')::int as dccp,
              count(*) filter (where protocol is null)::int as none,
              count(*) filter (where port_low is null)::int as name_only,
              count(*) filter (where port_low < port_high)::int as spans,
              (select count(*)::int from people) as people
         from assignments where valid_to is null`,
      );
      expect(counts).toEqual({
        tcp: 6606,
        udp: 6356,
        sctp: 93,
        dccp: 11,
        none: 1467,
        name_only: 1070,
        spans: 760,
        people: 5615,
      });
      // PROVENANCE's 766 ranges count how `<number>` is written: six single ports read `4748-4748`.
      const written =
        readFileSync(xmlPath as string, 'utf8').match(/<number>(\d+)-(\d+)<\/number>/g) ?? [];
      const onePort = written.filter((number) => /<number>(\d+)-\1</.test(number));
      expect([written.length, onePort.length]).toEqual([766, 6]);
      const people = await rows(
        test.database,
        'select id, name, org, uri, updated from people order by id collate "C"',
      );
      const expected = [...xml.people].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(people).toEqual(expected);
    }, 300_000);

    it('records the changes from the 2026-02-13 CSV to the 2026-08-17 XML', async () => {
      test = await createTestDatabase(kind);
      await importDocuments(test.database, [csv]);
      await importDocuments(test.database, [xml]);
      const changes = await rows<{
        kind: string;
        fields: Record<string, unknown> | null;
        status: string;
      }>(
        test.database,
        `select c.kind, c.fields, v.status from changes c
         join sources s on s.id = c.source_id
         left join record_versions v on v.id = c.after_version_id
        where s.kind = 'iana-xml' and c.origin = 'diff'`,
      );
      const count = (kind: string) => changes.filter((change) => change.kind === kind).length;
      // The timeline follows an Unassigned gap whose bounds move as one record, modified;
      // keyed by (port, protocol, name) it is the old gap removed and the new one added.
      const movedGaps = changes.filter(
        (change) =>
          change.kind === 'modified' &&
          change.status === 'unassigned' &&
          Object.keys(change.fields ?? {}).join() === 'portRange',
      ).length;
      expect(movedGaps).toBe(6);
      expect({
        added: count('added'),
        removed: count('removed'),
        modified: count('modified'),
      }).toEqual({
        added: 42 - movedGaps,
        removed: 8 - movedGaps,
        modified: 32 + movedGaps,
      });
      expect(keyedDiff(csv, xml)).toEqual({ added: 42, removed: 8, modified: 32 });
    }, 300_000);

    it('builds the same history from the 2025 snapshot after the 2026 XML as in date order', async () => {
      const snapshot = parse(snapshotPath as string);
      test = await createTestDatabase(kind);
      const other = await createTestDatabase(kind);
      try {
        await importDocuments(test.database, [snapshot, xml]);
        await importDocuments(other.database, [xml]);
        await importDocuments(other.database, [snapshot]);
        const inOrder = await derivedByContent(test.database);
        expect(inOrder.changes.length).toBeGreaterThan(100);
        expect(await derivedByContent(other.database)).toEqual(inOrder);
      } finally {
        await other.drop();
      }
    }, 300_000);
  },
);
