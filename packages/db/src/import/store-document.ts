import type { SourceDocument } from '@portbook/core';
import { recordFingerprint } from '@portbook/core';
import { sources } from '../schema.ts';
import type { ImportSession } from './import-session.ts';
import { RECORD_COLUMNS, recordValues } from './record-columns.ts';

export interface StoredDocument {
  sourceId: number;
  records: number;
  /** Record versions this document was the first to state. */
  newVersions: number;
}

/** Ids of the versions already stored, by fingerprint. */
async function knownVersions(session: ImportSession, fingerprints: string[]) {
  const rows = await session.query<{ id: number; fingerprint: string }>(
    'select id, fingerprint from record_versions where fingerprint = any($1::text[])',
    [fingerprints],
  );
  return new Map(rows.map((row) => [row.fingerprint, row.id]));
}

/** Reserves `count` ids from the version sequence, so new rows can be COPYed with their ids. */
async function reserveVersionIds(session: ImportSession, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await session.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence('record_versions', 'id'))::int as id
       from generate_series(1, $1::int)`,
    [count],
  );
  return rows.map((row) => row.id);
}

async function storeVersions(session: ImportSession, document: SourceDocument) {
  const fingerprints = document.records.map(recordFingerprint);
  const versionIds = await knownVersions(session, [...new Set(fingerprints)]);
  const fresh = new Map<string, number>();
  fingerprints.forEach((fingerprint, index) => {
    if (!versionIds.has(fingerprint) && !fresh.has(fingerprint)) fresh.set(fingerprint, index);
  });
  const ids = await reserveVersionIds(session, fresh.size);
  const rows = [...fresh].map(([fingerprint, index], n) => {
    const id = ids[n] as number;
    versionIds.set(fingerprint, id);
    return [id, fingerprint, ...recordValues(document.records[index] as never)];
  });
  await session.copyIn('record_versions', ['id', 'fingerprint', ...RECORD_COLUMNS], rows);
  return {
    versionIds: fingerprints.map((fingerprint) => versionIds.get(fingerprint) as number),
    newVersions: rows.length,
  };
}

/** The newest source that lists a person wins, whatever order documents arrive in. */
async function storePeople(session: ImportSession, document: SourceDocument, sourceId: number) {
  if (document.people.length === 0) return;
  await session.query(
    `create temp table if not exists import_people
       (id text, name text, org text, uri text, updated date) on commit drop`,
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
  await session.query(
    `insert into people (id, name, org, uri, updated, source_id)
       select distinct on (id) id, name, org, uri, updated, $1::int from import_people order by id
     on conflict (id) do update
       set name = excluded.name, org = excluded.org, uri = excluded.uri,
           updated = excluded.updated, source_id = excluded.source_id
       where (select (published, sha256) from sources where id = people.source_id)
           < (select (published, sha256) from sources where id = excluded.source_id)`,
    [sourceId],
  );
}

/** Stores one document: its source row, new record versions, its membership rows and people. */
export async function storeDocument(
  session: ImportSession,
  document: SourceDocument,
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
  const { versionIds, newVersions } = await storeVersions(session, document);
  await session.copyIn(
    'source_records',
    ['source_id', 'version_id', 'position'],
    versionIds.map((versionId, position) => [sourceId, versionId, position]),
  );
  await storePeople(session, document, sourceId);
  return { sourceId, records: document.records.length, newVersions };
}
