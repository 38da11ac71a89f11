import {
  buildTimelineOfDocuments,
  type RegistryRecord,
  type SourceDocument,
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

/** A document stored in this transaction, still in memory: no need to read it back. */
export interface StoredBatchDocument {
  sourceId: number;
  document: SourceDocument;
  /** The record version of each record, by position. */
  versionIds: number[];
}

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

/** Positions 0…n-1, shared by every document read whole. */
function identity(length: number): Int32Array {
  const positions = new Int32Array(length);
  for (let i = 0; i < length; i++) positions[i] = i;
  return positions;
}

async function timelineInput(session: ImportSession, batch: StoredBatchDocument[]) {
  const versions = new Map<number, RegistryRecord>();
  const documents: TimelineDocument[] = [];
  for (const { sourceId, document, versionIds } of batch) {
    versionIds.forEach((versionId, position) => {
      versions.set(versionId, document.records[position] as RegistryRecord);
    });
    documents.push({
      sourceId,
      records: document.records,
      versionIds,
      positions: identity(versionIds.length),
    });
  }
  const stored = await loadStoredMemberships(
    session,
    batch.map((item) => item.sourceId),
  );
  const missing = new Set<number>();
  for (const { versionIds } of stored) {
    for (const id of versionIds) if (!versions.has(id)) missing.add(id);
  }
  await loadVersions(session, [...missing], versions);
  for (const { sourceId, versionIds } of stored) {
    documents.push({
      sourceId,
      records: versionIds.map((id) => versions.get(id) as RegistryRecord),
      versionIds,
      positions: identity(versionIds.length),
    });
  }
  return { sources: await loadSources(session), documents, versions };
}

/**
 * Brings the derived tables (assignments, changes, name_links, `sources.in_timeline`) to the
 * timeline of every stored source, so the result never depends on the order of imports.
 */
export async function rebuildTimeline(
  session: ImportSession,
  batch: StoredBatchDocument[] = [],
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
