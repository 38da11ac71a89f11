import { buildTimelineOfDocuments, type RegistryRecord } from '@portbook/core';
import { derivedRows } from './derived-rows.ts';
import type { ImportSession } from './import-session.ts';
import { replaceRows } from './replace-rows.ts';
import {
  loadSources,
  loadVersions,
  markTimelineSources,
  recordTimelineRules,
  type StoredMembership,
  timelineDocument,
} from './stored-timeline.ts';

export interface TimelineCounts {
  sources: number;
  assignments: number;
  changes: number;
  nameLinks: number;
  /** True when the stored timeline was only extended by newer editions (or kept), not rebuilt. */
  extended: boolean;
}

/** A document stored in this transaction: its versions are known, no need to read them back. */
export type StoredBatchDocument = StoredMembership;

/** The documents of this transaction, and one record per version they state. */
export interface StoredBatch {
  documents: StoredBatchDocument[];
  records: ReadonlyMap<number, RegistryRecord>;
}

const NO_BATCH: StoredBatch = { documents: [], records: new Map() };

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
  await markTimelineSources(session, timeline.sourceIds);
  await recordTimelineRules(session);
  return {
    sources: timeline.sourceIds.length,
    assignments: timeline.assignments.length,
    changes: timeline.changes.length,
    nameLinks: timeline.nameLinks.length,
    extended: false,
  };
}
