import {
  type Person,
  type RegistryRecord,
  recordFingerprint,
  type SourceDocument,
} from '@portbook/core';
import { sources } from '../schema.ts';
import type { CopyValue } from './copy-text.ts';
import type { ImportSession } from './import-session.ts';
import { RECORD_COLUMNS, recordValues } from './record-columns.ts';

export interface StoredDocument {
  sourceId: number;
  /** The record version of each record, by position. */
  versionIds: Int32Array;
  records: number;
  /** Record versions this document was the first to state. */
  newVersions: number;
}

/** Each document's versions as runs of consecutive ids (see `source_records`), made as they are written. */
function* membershipRuns(memberships: { sourceId: number; versionIds: Int32Array }[]) {
  for (const { sourceId, versionIds } of memberships) {
    let start = 0;
    for (let position = 1; position <= versionIds.length; position++) {
      const first = versionIds[start] as number;
      if (position < versionIds.length && versionIds[position] === first + position - start) {
        continue;
      }
      yield [sourceId, first, start, position - start];
      start = position;
    }
  }
}

interface PersonClaim {
  person: Person;
  sourceId: number;
  /** Newest wins: (published, sha256) orders sources the same way whatever the import order. */
  rank: string;
}

/** Rows waiting for COPY before a flush: ~40 documents of 14,500 records, a few MB of text. */
const FLUSH_ROWS = 600_000;

/**
 * The documents of one import, stored together: each gets its source row as it is added, and
 * the bulk rows (versions, memberships) go in one COPY per table once enough have gathered, as
 * every COPY costs a round trip however few its rows; people go once, when the batch finishes.
 * A document is not kept: only its version ids, and one record per version for the rebuild.
 */
export class StoreBatch {
  readonly #session: ImportSession;
  /** Version ids by fingerprint: those this batch stored, and those it looked up. */
  readonly #versionIds = new Map<string, number>();
  /** Whether the database held versions when the batch began (else there is nothing to look up). */
  readonly #storedVersions: boolean;
  readonly #versions: CopyValue[][] = [];
  readonly #memberships: { sourceId: number; versionIds: Int32Array }[] = [];
  #pendingRows = 0;
  readonly #people = new Map<string, PersonClaim>();
  /** One record per version the batch's documents state (parsers share them between documents). */
  readonly records = new Map<number, RegistryRecord>();

  private constructor(session: ImportSession, storedVersions: boolean) {
    this.#session = session;
    this.#storedVersions = storedVersions;
  }

  /** Starts a batch; into an empty database no document needs its versions looked up. */
  static async open(session: ImportSession): Promise<StoreBatch> {
    const [row] = await session.query<{ any: boolean }>(
      'select exists (select 1 from record_versions) as any',
    );
    return new StoreBatch(session, row?.any === true);
  }

  /**
   * The stored ids of the fingerprints this batch has not met yet, one query per document: a new
   * release looks up its ~15,000 versions, not the whole table, and the next document of a
   * batch only those the documents before it did not state.
   */
  async #lookUpVersions(fingerprints: readonly string[]): Promise<void> {
    if (!this.#storedVersions) return;
    const unknown = [...new Set(fingerprints)].filter((f) => !this.#versionIds.has(f));
    if (unknown.length === 0) return;
    const rows = await this.#session.query<{ id: number; fingerprint: string }>(
      'select id, fingerprint from record_versions where fingerprint = any($1::text[])',
      [unknown],
    );
    for (const row of rows) this.#versionIds.set(row.fingerprint, row.id);
  }

  async add(document: SourceDocument): Promise<StoredDocument> {
    const [source] = await this.#session.db
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
    const fingerprints = document.records.map(recordFingerprint);
    await this.#lookUpVersions(fingerprints);
    const fresh = new Map<string, RegistryRecord>();
    fingerprints.forEach((fingerprint, index) => {
      if (!this.#versionIds.has(fingerprint) && !fresh.has(fingerprint)) {
        fresh.set(fingerprint, document.records[index] as RegistryRecord);
      }
    });
    let id = await this.#reserveVersionIds(fresh.size);
    for (const [fingerprint, record] of fresh) {
      this.#versionIds.set(fingerprint, id);
      this.#versions.push([id++, fingerprint, ...recordValues(record)]);
    }
    const versionIds = Int32Array.from(fingerprints, (fingerprint, position) => {
      const versionId = this.#versionIds.get(fingerprint) as number;
      if (!this.records.has(versionId)) {
        this.records.set(versionId, document.records[position] as RegistryRecord);
      }
      return versionId;
    });
    this.#memberships.push({ sourceId, versionIds });
    this.#claimPeople(document, sourceId);
    this.#pendingRows += fresh.size + versionIds.length;
    if (this.#pendingRows >= FLUSH_ROWS) await this.#flush();
    return { sourceId, versionIds, records: document.records.length, newVersions: fresh.size };
  }

  /** Writes what is still waiting, then the people: the batch is complete in the transaction. */
  async finish(): Promise<void> {
    await this.#flush();
    await this.#storePeople();
  }

  async #flush(): Promise<void> {
    const session = this.#session;
    await session.insertRows(
      'record_versions',
      ['id', 'fingerprint', ...RECORD_COLUMNS],
      this.#versions,
    );
    await session.insertRows(
      'source_records',
      ['source_id', 'version_id', 'position', 'length'],
      membershipRuns(this.#memberships),
    );
    this.#versions.length = 0;
    this.#memberships.length = 0;
    this.#pendingRows = 0;
  }

  /** Reserves `count` ids from the version sequence in one call, so new rows can be COPYed with ids. */
  async #reserveVersionIds(count: number): Promise<number> {
    if (count === 0) return 0;
    const [row] = await this.#session.query<{ last: number }>(
      `select setval(seq, nextval(seq) + $1::int - 1)::int as last
         from pg_get_serial_sequence('record_versions', 'id') as seq`,
      [count],
    );
    return (row as { last: number }).last - count + 1;
  }

  #claimPeople(document: SourceDocument, sourceId: number) {
    const rank = `${document.published} ${document.sha256}`;
    for (const person of document.people) {
      const claimed = this.#people.get(person.id);
      if (!claimed || claimed.rank < rank) this.#people.set(person.id, { person, sourceId, rank });
    }
  }

  /** The newest source that lists a person wins, against the batch and what is stored. */
  async #storePeople() {
    if (this.#people.size === 0) return;
    const session = this.#session;
    await session.query(
      `create temp table import_people
         (id text, name text, org text, uri text, updated text, source_id int) on commit drop`,
    );
    await session.insertRows(
      'import_people',
      ['id', 'name', 'org', 'uri', 'updated', 'source_id'],
      [...this.#people.values()].map(({ person, sourceId }) => [
        person.id,
        person.name,
        person.org,
        person.uri,
        person.updated,
        sourceId,
      ]),
    );
    await session.query(
      `update people p set name = i.name, org = i.org, uri = i.uri, updated = i.updated,
              source_id = i.source_id
         from import_people i, sources old, sources new
        where p.id = i.id and old.id = p.source_id and new.id = i.source_id
          and (old.published, old.sha256) < (new.published, new.sha256)`,
    );
    await session.query(
      `insert into people (id, name, org, uri, updated, source_id)
         select id, name, org, uri, updated, source_id from import_people i
          where not exists (select 1 from people p where p.id = i.id)`,
    );
  }
}
