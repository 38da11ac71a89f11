import {
  buildTimelineOfDocuments,
  type RegistryRecord,
  type TimelineDocument,
  type TimelineSource,
} from '@portbook/core';
import { derivedRows } from './derived-rows.ts';
import type { ImportSession } from './import-session.ts';
import { RECORD_SELECT, type RecordRow, rowRecord } from './record-columns.ts';
import { replaceRows } from './replace-rows.ts';

export interface TimelineCounts {
  sources: number;
  assignments: number;
  changes: number;
  nameLinks: number;
}

/** A document stored in this transaction: its versions are known, no need to read them back. */
export interface StoredBatchDocument {
  sourceId: number;
  /** The record version of each record, by position. */
  versionIds: ArrayLike<number>;
}

/** The documents of this transaction, and one record per version they state. */
export interface StoredBatch {
  documents: StoredBatchDocument[];
  records: ReadonlyMap<number, RegistryRecord>;
}

const NO_BATCH: StoredBatch = { documents: [], records: new Map() };

/** Every stored source, dates as text: the drivers would otherwise return Date objects. */
function loadSources(session: ImportSession): Promise<TimelineSource[]> {
  return session.query<TimelineSource>(
    `select id, kind, edition, published::text as published, fields from sources order by id`,
  );
}

/** The version of each position of the sources stored before this batch, from their runs. */
async function loadStoredMemberships(session: ImportSession, batchIds: number[]) {
  const rows = await session.query<{
    source_id: number;
    versions: number[];
    positions: number[];
    lengths: number[];
  }>(
    `select source_id, array_agg(version_id order by position) as versions,
            array_agg(position order by position) as positions,
            array_agg(length order by position) as lengths
       from source_records where source_id <> all($1::int[])
      group by source_id order by source_id`,
    [batchIds],
  );
  return rows.map((row) => {
    const versionIds: number[] = [];
    row.versions.forEach((first, run) => {
      const start = row.positions[run] as number;
      for (let k = 0; k < (row.lengths[run] as number); k++) versionIds[start + k] = first + k;
    });
    return { sourceId: row.source_id, versionIds };
  });
}

async function loadVersions(
  session: ImportSession,
  ids: number[],
  into: Map<number, RegistryRecord>,
) {
  if (ids.length === 0) return;
  const rows = await session.query<RecordRow & { id: number }>(
    `select id, ${RECORD_SELECT} from record_versions where id = any($1::int[])`,
    [ids],
  );
  for (const row of rows) into.set(row.id, rowRecord(row));
}

/** Positions 0…n-1, one array shared by every document read whole (views of it). */
let positions = new Int32Array(0);
function identity(length: number): Int32Array {
  if (positions.length < length) positions = Int32Array.from({ length }, (_, i) => i);
  return positions.subarray(0, length);
}

function timelineDocument(
  { sourceId, versionIds }: StoredBatchDocument,
  versions: ReadonlyMap<number, RegistryRecord>,
): TimelineDocument {
  return {
    sourceId,
    records: Array.from(versionIds, (id) => versions.get(id) as RegistryRecord),
    versionIds,
    positions: identity(versionIds.length),
  };
}

async function timelineInput(session: ImportSession, batch: StoredBatch) {
  const versions = new Map(batch.records);
  const stored = await loadStoredMemberships(
    session,
    batch.documents.map((item) => item.sourceId),
  );
  const missing = new Set<number>();
  for (const { versionIds } of stored) {
    for (const id of versionIds) if (!versions.has(id)) missing.add(id);
  }
  await loadVersions(session, [...missing], versions);
  const documents = [...batch.documents, ...stored].map((document) =>
    timelineDocument(document, versions),
  );
  return { sources: await loadSources(session), documents, versions };
}

/**
 * Brings the derived tables (assignments, changes, name_links, `sources.in_timeline`) to the
 * timeline of every stored source, so the result never depends on the order of imports.
 */
export async function rebuildTimeline(
  session: ImportSession,
  batch: StoredBatch = NO_BATCH,
  onPhase: (phase: 'load' | 'build' | 'write') => void = () => {},
): Promise<TimelineCounts> {
  onPhase('load');
  const { sources, documents, versions } = await timelineInput(session, batch);
  onPhase('build');
  const timeline = buildTimelineOfDocuments(sources, documents);
  onPhase('write');
  for (const table of derivedRows(timeline, versions)) await replaceRows(session, table);
  await session.query('update sources set in_timeline = (id = any($1::int[]))', [
    timeline.sourceIds,
  ]);
  return {
    sources: timeline.sourceIds.length,
    assignments: timeline.assignments.length,
    changes: timeline.changes.length,
    nameLinks: timeline.nameLinks.length,
  };
}
