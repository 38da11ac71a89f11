import {
  buildTimeline,
  type RecordField,
  type RegistryRecord,
  type SourceKind,
  type Timeline,
  type TimelineEntry,
  type TimelineSource,
} from '@portbook/core';
import type { ImportSession } from './import-session.ts';
import {
  RECORD_COLUMNS,
  RECORD_SELECT,
  type RecordRow,
  recordValues,
  rowRecord,
} from './record-columns.ts';

export interface TimelineCounts {
  sources: number;
  assignments: number;
  changes: number;
  nameLinks: number;
}

async function loadSources(session: ImportSession): Promise<TimelineSource[]> {
  const rows = await session.query<{
    id: number;
    kind: SourceKind;
    edition: string;
    published: string;
    fields: RecordField[];
  }>('select id, kind, edition, published::text as published, fields from sources order by id');
  return rows.map((row) => ({ ...row, fields: row.fields }));
}

async function loadVersions(session: ImportSession): Promise<Map<number, RegistryRecord>> {
  const rows = await session.query<RecordRow & { id: number }>(
    `select id, ${RECORD_SELECT} from record_versions`,
  );
  return new Map(rows.map((row) => [row.id, rowRecord(row)]));
}

/** Every source's membership, one row per source: 600,000 rows cost far more to transfer than 40. */
async function loadEntries(
  session: ImportSession,
  versions: Map<number, RegistryRecord>,
): Promise<TimelineEntry[]> {
  const rows = await session.query<{ source_id: number; versions: number[]; positions: number[] }>(
    `select source_id, array_agg(version_id order by position) as versions,
            array_agg(position order by position) as positions
       from source_records group by source_id order by source_id`,
  );
  const entries: TimelineEntry[] = [];
  for (const row of rows) {
    row.versions.forEach((versionId, index) => {
      const record = versions.get(versionId) as RegistryRecord;
      entries.push({
        sourceId: row.source_id,
        position: row.positions[index] as number,
        versionId,
        record,
      });
    });
  }
  return entries;
}

async function writeTimeline(
  session: ImportSession,
  timeline: Timeline,
  versions: Map<number, RegistryRecord>,
) {
  await session.query('delete from name_links');
  await session.query('delete from changes');
  await session.query('delete from assignments');
  await session.copyIn(
    'assignments',
    [
      'id',
      'version_id',
      'lineage',
      ...RECORD_COLUMNS,
      'first_source_id',
      'last_source_id',
      'valid_from',
      'valid_to',
      'position',
    ],
    timeline.assignments.map((a) => [
      a.id,
      a.versionId,
      a.lineage,
      ...recordValues(versions.get(a.versionId) as RegistryRecord),
      a.firstSourceId,
      a.lastSourceId,
      a.validFrom,
      a.validTo,
      a.position,
    ]),
  );
  await session.copyIn(
    'changes',
    [
      'id',
      'source_id',
      'previous_source_id',
      'kind',
      'lineage',
      'before_version_id',
      'after_version_id',
      'fields',
      'occurred',
      'origin',
      'evidence',
      'service_name',
      'port_low',
      'port_high',
      'protocol',
    ],
    timeline.changes.map((c) => [
      c.id,
      c.sourceId,
      c.previousSourceId,
      c.kind,
      c.lineage,
      c.beforeVersionId,
      c.afterVersionId,
      c.fields,
      c.occurred,
      c.origin,
      c.evidence,
      c.serviceName,
      c.portLow,
      c.portHigh,
      c.protocol,
    ]),
  );
  await session.copyIn(
    'name_links',
    ['former_name', 'later_name', 'kind', 'source_id'],
    timeline.nameLinks.map((link) => [link.formerName, link.laterName, link.kind, link.sourceId]),
  );
  await session.query('update sources set in_timeline = (id = any($1::int[]))', [
    timeline.sourceIds,
  ]);
}

/**
 * Replaces the derived tables (assignments, changes, name_links, `sources.in_timeline`) with the
 * timeline of every stored source, so the result never depends on the order of imports.
 */
export async function rebuildTimeline(
  session: ImportSession,
  onPhase: (phase: 'load' | 'build' | 'write') => void = () => {},
): Promise<TimelineCounts> {
  onPhase('load');
  const sources = await loadSources(session);
  const versions = await loadVersions(session);
  const entries = await loadEntries(session, versions);
  onPhase('build');
  const timeline = buildTimeline(sources, entries);
  onPhase('write');
  await writeTimeline(session, timeline, versions);
  return {
    sources: timeline.sourceIds.length,
    assignments: timeline.assignments.length,
    changes: timeline.changes.length,
    nameLinks: timeline.nameLinks.length,
  };
}
