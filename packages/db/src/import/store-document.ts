import { type RegistryRecord, recordFingerprint, type SourceDocument } from '@portbook/core';
import { sources } from '../schema.ts';
import type { ImportSession } from './import-session.ts';
import { RECORD_COLUMNS, recordValues } from './record-columns.ts';

export interface StoredDocument {
  sourceId: number;
  /** The record version of each record, by position. */
  versionIds: number[];
  records: number;
  /** Record versions this document was the first to state. */
  newVersions: number;
}

/** Every stored version's id by fingerprint: one read per batch instead of one per document. */
export async function loadVersionIds(session: ImportSession): Promise<Map<string, number>> {
  const rows = await session.query<{ id: number; fingerprint: string }>(
    'select id, fingerprint from record_versions',
  );
  return new Map(rows.map((row) => [row.fingerprint, row.id]));
}

/** Reserves `count` ids from the version sequence in one call, so new rows can be COPYed with ids. */
async function reserveVersionIds(session: ImportSession, count: number): Promise<number> {
  const [row] = await session.query<{ last: number }>(
    `select setval(seq, nextval(seq) + $1::int - 1)::int as last
       from pg_get_serial_sequence('record_versions', 'id') as seq`,
    [count],
  );
  return (row as { last: number }).last - count + 1;
}

async function storeVersions(
  session: ImportSession,
  document: SourceDocument,
  versionIds: Map<string, number>,
): Promise<{ ids: number[]; newVersions: number }> {
  const fingerprints = document.records.map(recordFingerprint);
  const fresh = new Map<string, RegistryRecord>();
  fingerprints.forEach((fingerprint, index) => {
    if (!versionIds.has(fingerprint) && !fresh.has(fingerprint)) {
      fresh.set(fingerprint, document.records[index] as RegistryRecord);
    }
  });
  if (fresh.size > 0) {
    let id = await reserveVersionIds(session, fresh.size);
    const rows = [...fresh].map(([fingerprint, record]) => {
      versionIds.set(fingerprint, id);
      return [id++, fingerprint, ...recordValues(record)];
    });
    await session.copyIn('record_versions', ['id', 'fingerprint', ...RECORD_COLUMNS], rows);
  }
  return {
    ids: fingerprints.map((fingerprint) => versionIds.get(fingerprint) as number),
    newVersions: fresh.size,
  };
}

/** The newest source that lists a person wins, whatever order documents arrive in. */
async function storePeople(session: ImportSession, document: SourceDocument, sourceId: number) {
  if (document.people.length === 0) return;
  await session.query(
    `create temp table if not exists import_people
       (id text, name text, org text, uri text, updated text) on commit drop`,
  );
  await session.query('truncate import_people');
  await session.copyIn(
    'import_people',
    ['id', 'name', 'org', 'uri', 'updated'],
    document.people.map((person) => [
      person.id,
      person.name,
      person.org,
      person.uri,
      person.updated,
    ]),
  );
  const newer = `(s.published, s.sha256) < ($2::date, $3::text)`;
  await session.query(
    `update people p set name = i.name, org = i.org, uri = i.uri, updated = i.updated, source_id = $1
       from import_people i, sources s
      where p.id = i.id and s.id = p.source_id and ${newer}`,
    [sourceId, document.published, document.sha256],
  );
  await session.query(
    `insert into people (id, name, org, uri, updated, source_id)
       select distinct on (id) id, name, org, uri, updated, $1::int from import_people i
        where not exists (select 1 from people p where p.id = i.id) order by id`,
    [sourceId],
  );
}

/** Stores one document: its source row, new record versions, its membership rows and people. */
export async function storeDocument(
  session: ImportSession,
  document: SourceDocument,
  versionIds: Map<string, number>,
): Promise<StoredDocument> {
  const [source] = await session.db
    .insert(sources)
    .values({
      kind: document.kind,
      edition: document.edition,
      title: document.title,
      published: document.published,
      origin: document.origin,
      sha256: document.sha256,
      recordCount: document.records.length,
      fields: [...document.fields],
    })
    .returning({ id: sources.id });
  const sourceId = (source as { id: number }).id;
  const { ids, newVersions } = await storeVersions(session, document, versionIds);
  await session.copyIn(
    'source_records',
    ['source_id', 'version_id', 'position'],
    ids.map((versionId, position) => [sourceId, versionId, position]),
  );
  await storePeople(session, document, sourceId);
  return { sourceId, versionIds: ids, records: document.records.length, newVersions };
}
