import {
  type RegistryRecord,
  TIMELINE_RULES,
  type TimelineDocument,
  type TimelineSource,
} from '@portbook/core';
import type { ImportSession } from './import-session.ts';
import { RECORD_SELECT, type RecordRow, rowRecord } from './record-columns.ts';

/** A stored document as the timeline reads it: its source and the version of each record. */
export interface StoredMembership {
  sourceId: number;
  /** The record version of each record, by position. */
  versionIds: ArrayLike<number>;
}

/** Every stored source, dates as text: the drivers would otherwise return Date objects. */
export function loadSources(session: ImportSession): Promise<TimelineSource[]> {
  return session.query<TimelineSource>(
    `select id, kind, edition, published::text as published, fields from sources order by id`,
  );
}

export async function loadVersions(
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

export function timelineDocument(
  { sourceId, versionIds }: StoredMembership,
  versions: ReadonlyMap<number, RegistryRecord>,
): TimelineDocument {
  return {
    sourceId,
    records: Array.from(versionIds, (id) => versions.get(id) as RegistryRecord),
    versionIds,
    positions: identity(versionIds.length),
  };
}

/** Marks which sources stand in the timeline, writing only the rows whose mark changes. */
export async function markTimelineSources(session: ImportSession, ids: number[]): Promise<void> {
  await session.query(
    `update sources set in_timeline = (id = any($1::int[]))
      where in_timeline <> (id = any($1::int[]))`,
    [ids],
  );
}

/** Records which rules built the derived tables, so that only those rules extend them. */
export async function recordTimelineRules(session: ImportSession): Promise<void> {
  await session.query('delete from timeline_rules');
  await session.query('insert into timeline_rules (version) values ($1)', [TIMELINE_RULES]);
}

/** Whether the running history rules built the stored derived tables. */
export async function builtByTheseRules(session: ImportSession): Promise<boolean> {
  const rows = await session.query<{ version: number }>('select version from timeline_rules');
  return rows.length === 1 && rows[0]?.version === TIMELINE_RULES;
}
