import type { RangeScheme } from '@portbook/core';
import { and, asc, eq, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type RangeClass, rangeClasses } from '../schema.ts';

export interface RangeClassFilter {
  /** Only classes in force on this date; undefined for every class through history. */
  at?: string | undefined;
  scheme?: RangeScheme | undefined;
}

/** Named port ranges with the documents that define them, lowest port then oldest first. */
export async function listRangeClasses(
  db: Db,
  filter: RangeClassFilter = {},
): Promise<RangeClass[]> {
  const conditions: SQL[] = [];
  if (filter.scheme) conditions.push(eq(rangeClasses.scheme, filter.scheme));
  if (filter.at !== undefined) {
    conditions.push(lte(rangeClasses.validFrom, filter.at));
    conditions.push(
      or(isNull(rangeClasses.validTo), sql`${rangeClasses.validTo} > ${filter.at}`) as SQL,
    );
  }
  return db
    .select()
    .from(rangeClasses)
    .where(and(...conditions))
    .orderBy(asc(rangeClasses.low), asc(rangeClasses.validFrom), asc(rangeClasses.id));
}

export async function rangeClassesById(db: Db, ids: readonly string[]): Promise<RangeClass[]> {
  if (ids.length === 0) return [];
  return db.query.rangeClasses.findMany({ where: { id: { in: [...ids] } } });
}
