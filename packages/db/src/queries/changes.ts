import type { ChangeKind, Protocol } from '@portbook/core';
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Change, changes } from '../schema.ts';

export interface ChangeFilter {
  /** Inclusive dates. */
  since?: string | undefined;
  until?: string | undefined;
  kinds?: readonly ChangeKind[] | undefined;
  protocols?: readonly Protocol[] | undefined;
  /** Changes to records containing this port. */
  port?: number | undefined;
  serviceName?: string | undefined;
  sourceId?: number | undefined;
}

/** Position in the feed, newest first: the last change seen. */
export interface ChangeCursor {
  occurred: string;
  id: string;
}

function changeConditions(filter: ChangeFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.since) conditions.push(gte(changes.occurred, filter.since));
  if (filter.until) conditions.push(lte(changes.occurred, filter.until));
  if (filter.kinds?.length) conditions.push(inArray(changes.kind, [...filter.kinds]));
  if (filter.protocols?.length) conditions.push(inArray(changes.protocol, [...filter.protocols]));
  if (filter.port !== undefined) {
    conditions.push(lte(changes.portLow, filter.port), gte(changes.portHigh, filter.port));
  }
  if (filter.serviceName) {
    conditions.push(sql`lower(${changes.serviceName}) = lower(${filter.serviceName})`);
  }
  if (filter.sourceId !== undefined) conditions.push(eq(changes.sourceId, filter.sourceId));
  return conditions;
}

/** The registry's change feed, newest first, one keyset page after `after`. */
export async function listChanges(
  db: Db,
  filter: ChangeFilter,
  page: { limit: number; after?: ChangeCursor | undefined },
): Promise<Change[]> {
  const conditions = changeConditions(filter);
  if (page.after) {
    conditions.push(
      sql`(${changes.occurred}, ${changes.id}) < (${page.after.occurred}, ${page.after.id})`,
    );
  }
  return db
    .select()
    .from(changes)
    .where(and(...conditions))
    .orderBy(desc(changes.occurred), desc(changes.id))
    .limit(page.limit);
}

export async function countChanges(db: Db, filter: ChangeFilter): Promise<number> {
  return db.$count(changes, and(...changeConditions(filter)));
}

export async function changesById(db: Db, ids: readonly string[]): Promise<Change[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(changes)
    .where(inArray(changes.id, [...ids]));
}
