import { assignments, changes, type Db, people, sources, syncRuns } from '@portbook/db';
import { count, desc, eq, isNull } from 'drizzle-orm';

export interface DatabaseStats {
  sources: { kind: string; count: number; inTimeline: number }[];
  currentByProtocol: { protocol: string; count: number }[];
  currentAssignments: number;
  assignments: number;
  changesByKind: { kind: string; count: number }[];
  people: number;
  lastSync: { via: string; status: string; finishedAt: Date | null; message: string | null } | null;
}

/** What the database holds, in the figures `portbook stats` prints. */
export async function databaseStats(db: Db): Promise<DatabaseStats> {
  const [sourceRows, timelineRows, protocolRows, [allAssignments], changeRows, [peopleRow], [run]] =
    await Promise.all([
      db.select({ kind: sources.kind, count: count() }).from(sources).groupBy(sources.kind),
      db
        .select({ kind: sources.kind, count: count() })
        .from(sources)
        .where(eq(sources.inTimeline, true))
        .groupBy(sources.kind),
      db
        .select({ protocol: assignments.protocol, count: count() })
        .from(assignments)
        .where(isNull(assignments.validTo))
        .groupBy(assignments.protocol),
      db.select({ count: count() }).from(assignments),
      db.select({ kind: changes.kind, count: count() }).from(changes).groupBy(changes.kind),
      db.select({ count: count() }).from(people),
      db.select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(1),
    ]);
  const inTimeline = new Map(timelineRows.map((row) => [row.kind, row.count]));
  const currentByProtocol = protocolRows
    .map((row) => ({ protocol: row.protocol ?? 'none', count: row.count }))
    .sort((a, b) => b.count - a.count);
  return {
    sources: sourceRows
      .map((row) => ({ ...row, inTimeline: inTimeline.get(row.kind) ?? 0 }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
    currentByProtocol,
    currentAssignments: currentByProtocol.reduce((sum, row) => sum + row.count, 0),
    assignments: allAssignments?.count ?? 0,
    changesByKind: changeRows.sort((a, b) => a.kind.localeCompare(b.kind)),
    people: peopleRow?.count ?? 0,
    lastSync: run
      ? { via: run.via, status: run.status, finishedAt: run.finishedAt, message: run.message }
      : null,
  };
}
