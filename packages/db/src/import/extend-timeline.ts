import {
  carriesRecords,
  chooseTimelineSources,
  type ExtensionPlan,
  extendTimeline,
  mayReturnUnder,
  nameLinkKey,
  planExtension,
  type RegistryRecord,
  type StoredRun,
  type TimelineDocument,
  type TimelineExtension,
  type TimelineSource,
  type TimelineTail,
} from '@portbook/core';
import { assignmentRows, changeRows, nameLinkRows } from './derived-rows.ts';
import type { ImportSession } from './import-session.ts';
import type { StoredBatch, TimelineCounts } from './rebuild-timeline.ts';
import { RECORD_SELECT, type RecordRow, rowRecord } from './record-columns.ts';
import { replaceRowsWithin } from './replace-rows.ts';
import {
  builtByTheseRules,
  loadSources,
  loadVersions,
  markTimelineSources,
  timelineDocument,
} from './stored-timeline.ts';

type OnPhase = (phase: 'load' | 'build' | 'write') => void;

/** The records of the timeline's last source, read back from its membership runs. */
async function readTail(
  session: ImportSession,
  sources: readonly TimelineSource[],
  versions: Map<number, RegistryRecord>,
): Promise<TimelineTail> {
  const last = sources.at(-1) as TimelineSource;
  const runs = await session.query<{ version_id: number; position: number; length: number }>(
    'select version_id, position, length from source_records where source_id = $1',
    [last.id],
  );
  const versionIds: number[] = [];
  for (const run of runs) {
    for (let k = 0; k < run.length; k++) versionIds[run.position + k] = run.version_id + k;
  }
  await loadVersions(
    session,
    [...new Set(versionIds)].filter((id) => !versions.has(id)),
    versions,
  );
  return { sources, document: timelineDocument({ sourceId: last.id, versionIds }, versions) };
}

/** Every stored run of the lineages the plan names, and of those that may come back. */
async function readHistory(
  session: ImportSession,
  last: TimelineSource,
  plan: ExtensionPlan,
): Promise<StoredRun[]> {
  const lineages = new Set<string>();
  if (plan.positions.length > 0) {
    const planned = await session.query<{ lineage: string }>(
      'select lineage from assignments where last_source_id = $1 and position = any($2::int[])',
      [last.id, plan.positions],
    );
    for (const row of planned) lineages.add(row.lineage);
  }
  if (plan.returningNames.size > 0) {
    // Each time a lineage ended (for good or until it came back) a `removed` change names it.
    // Names compare as the history matches them (trimmed, any case): filtered here, not in SQL.
    const ended = await session.query<{ lineage: string; service_name: string }>(
      `select distinct lineage, service_name from changes
        where kind = 'removed' and origin = 'diff' and service_name is not null`,
    );
    for (const row of ended) if (mayReturnUnder(plan, row.service_name)) lineages.add(row.lineage);
  }
  if (lineages.size === 0) return [];
  const rows = await session.query<
    RecordRow & {
      lineage: string;
      version_id: number;
      first_source_id: number;
      last_source_id: number;
      position: number;
    }
  >(
    `select lineage, version_id, first_source_id, last_source_id, position, ${RECORD_SELECT}
       from assignments where lineage = any($1::text[])`,
    [[...lineages]],
  );
  return rows.map((row) => ({
    lineage: row.lineage,
    versionId: row.version_id,
    record: rowRecord(row),
    firstSourceId: row.first_source_id,
    lastSourceId: row.last_source_id,
    position: row.position,
  }));
}

async function storedNameLinks(session: ImportSession): Promise<Set<string>> {
  const rows = await session.query<{ former_name: string; later_name: string }>(
    'select former_name, later_name from name_links',
  );
  return new Set(
    rows.map((row) => nameLinkKey({ formerName: row.former_name, laterName: row.later_name })),
  );
}

/** Writes what the newer source changes; false when the stored runs it moves are not all there. */
async function writeExtension(
  session: ImportSession,
  extension: TimelineExtension,
  versions: ReadonlyMap<number, RegistryRecord>,
  nameLinks: TimelineExtension['nameLinks'][number]['link'][],
): Promise<boolean> {
  const { continued, sourceIds } = extension;
  if (continued.length > 0) {
    const [moved] = await session.query<{ count: number }>(
      `with moved as (
         update assignments a set last_source_id = $1, position = run.next
           from unnest($3::int[], $4::int[]) as run(position, next)
          where a.last_source_id = $2 and a.position = run.position
         returning 1)
       select count(*)::int as count from moved`,
      [
        sourceIds.at(-1),
        sourceIds.at(-2),
        continued.map((run) => run.position),
        continued.map((run) => run.next),
      ],
    );
    if (moved?.count !== continued.length) return false;
  }
  const scope = { column: 'lineage', values: extension.lineageIds };
  await replaceRowsWithin(session, assignmentRows(extension.assignments, versions), scope);
  await replaceRowsWithin(session, changeRows(extension.changes), scope);
  const links = nameLinkRows(nameLinks);
  await session.insertRows(links.table, links.columns, links.rows);
  return true;
}

/** Extends the stored timeline by one newer source; false when only a rebuild can tell the result. */
async function extendBy(
  session: ImportSession,
  sources: readonly TimelineSource[],
  source: TimelineSource,
  document: TimelineDocument,
  records: ReadonlyMap<number, RegistryRecord>,
  onPhase: OnPhase,
): Promise<boolean> {
  const versions = new Map(records);
  const tail = await readTail(session, sources, versions);
  const plan = planExtension(tail, document);
  const history = await readHistory(session, sources.at(-1) as TimelineSource, plan);
  onPhase('build');
  const extension = extendTimeline(tail, source, document, plan, history);
  if (!extension) return false;
  const stored = await storedNameLinks(session);
  const links = extension.nameLinks.filter(({ link }) => !stored.has(nameLinkKey(link)));
  // Two lineages showing one new pair of names differently: the earlier-begun one wins, unknown here.
  if (links.some(({ tied }) => tied)) return false;
  for (const run of history) versions.set(run.versionId, run.record);
  onPhase('write');
  return writeExtension(
    session,
    extension,
    versions,
    links.map(({ link }) => link),
  );
}

type TableCounts = Omit<TimelineCounts, 'sources' | 'extended'>;

async function timelineCounts(session: ImportSession, sources: number): Promise<TimelineCounts> {
  const [counts] = await session.query<TableCounts>(
    `select (select count(*)::int from assignments) as assignments,
            (select count(*)::int from changes) as changes,
            (select count(*)::int from name_links) as "nameLinks"`,
  );
  return { sources, ...(counts as TableCounts), extended: true };
}

/**
 * The weekly case made cheap: when the batch only adds editions newer than every stored one (a
 * new registry release), the stored timeline is extended from its last source and only the rows
 * that change are written, the rows a rebuild would give. Null for any other batch (an older
 * edition, a richer document for a stored edition), or a timeline other rules built: those need
 * `rebuildTimeline`.
 */
export async function extendStoredTimeline(
  session: ImportSession,
  batch: StoredBatch,
  onPhase: OnPhase = () => {},
): Promise<TimelineCounts | null> {
  onPhase('load');
  if (!(await builtByTheseRules(session))) return null;
  const sources = await loadSources(session);
  const added = new Map(batch.documents.map((document) => [document.sourceId, document]));
  const before = chooseTimelineSources(sources.filter((source) => !added.has(source.id)));
  const after = chooseTimelineSources(sources);
  if (before.length === 0 || before.some((source, i) => after[i]?.id !== source.id)) return null;
  const appended = after.slice(before.length);
  // A source that carries records across it stands for more than its document: not a tail.
  if ([before.at(-1), ...appended].some((source) => source && carriesRecords(source.kind))) {
    return null;
  }
  for (const [k, source] of appended.entries()) {
    const membership = added.get(source.id);
    if (!membership) return null;
    const document = timelineDocument(membership, batch.records);
    const timeline = after.slice(0, before.length + k);
    if (!(await extendBy(session, timeline, source, document, batch.records, onPhase))) {
      return null;
    }
  }
  await markTimelineSources(
    session,
    after.map((source) => source.id),
  );
  return timelineCounts(session, after.length);
}
