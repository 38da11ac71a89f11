import type { SourceKind } from '@portbook/core';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Source, sources } from '../schema.ts';

export interface SourceFilter {
  kinds?: readonly SourceKind[] | undefined;
  /** Only the documents that stand in the timeline (one per edition). */
  inTimeline?: boolean | undefined;
}

/** Every imported document, oldest first. A few dozen rows: callers page in memory. */
export async function listSources(db: Db, filter: SourceFilter = {}): Promise<Source[]> {
  const conditions: SQL[] = [];
  if (filter.kinds?.length) conditions.push(inArray(sources.kind, [...filter.kinds]));
  if (filter.inTimeline !== undefined) conditions.push(eq(sources.inTimeline, filter.inTimeline));
  return db
    .select()
    .from(sources)
    .where(and(...conditions))
    .orderBy(asc(sources.published), asc(sources.id));
}
