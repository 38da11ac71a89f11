import { and, asc, desc, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Assignment, assignments, type NameLink, nameLinks } from '../schema.ts';
import { type AssignmentFilter, assignmentConditions } from './assignment-filter.ts';

/** A service name as users type it is matched case-insensitively; this is the key. */
export function serviceKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Every record, through history, whose service name is one of `names` (any case), grouped per
 * name by the caller; current records first, then newest first, then IANA's order.
 */
export async function assignmentsNamed(db: Db, names: readonly string[]): Promise<Assignment[]> {
  if (names.length === 0) return [];
  return db
    .select()
    .from(assignments)
    .where(inArray(sql`lower(${assignments.serviceName})`, names.map(serviceKey)))
    .orderBy(
      sql`${assignments.validTo} is not null`,
      desc(assignments.validFrom),
      asc(assignments.position),
      asc(assignments.id),
    );
}

/** Name links touching any of `names`: the renames and RFC 6335 replacements, either side. */
export async function nameLinksFor(db: Db, names: readonly string[]): Promise<NameLink[]> {
  if (names.length === 0) return [];
  const keys = names.map(serviceKey);
  return db
    .select()
    .from(nameLinks)
    .where(
      or(
        inArray(sql`lower(${nameLinks.formerName})`, keys),
        inArray(sql`lower(${nameLinks.laterName})`, keys),
      ),
    )
    .orderBy(asc(nameLinks.formerName), asc(nameLinks.laterName));
}

export interface ServicePage {
  limit: number;
  /** Service key (lower case) to start after, or to end before. */
  after?: string | undefined;
  before?: string | undefined;
  fromEnd?: boolean | undefined;
}

function serviceNamesMatching(filter: AssignmentFilter): SQL {
  return and(...assignmentConditions(filter), sql`${assignments.serviceName} is not null`) as SQL;
}

/** Distinct service names (as most recently written) of records matching the filter, by name. */
export async function listServiceNames(
  db: Db,
  filter: AssignmentFilter,
  page: ServicePage,
): Promise<string[]> {
  const key = sql`lower(${assignments.serviceName})`;
  const bounds: SQL[] = [serviceNamesMatching(filter)];
  if (page.after !== undefined) bounds.push(sql`${key} > ${page.after}`);
  if (page.before !== undefined) bounds.push(sql`${key} < ${page.before}`);
  const rows = await db
    .selectDistinctOn([key], { name: assignments.serviceName })
    .from(assignments)
    .where(and(...bounds))
    .orderBy(
      page.fromEnd ? desc(key) : asc(key),
      sql`${assignments.validTo} is not null`,
      desc(assignments.validFrom),
    )
    .limit(page.limit);
  const names = rows.map((row) => row.name as string);
  return page.fromEnd ? names.reverse() : names;
}

export async function countServiceNames(db: Db, filter: AssignmentFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(distinct lower(${assignments.serviceName}))::int` })
    .from(assignments)
    .where(serviceNamesMatching(filter));
  return Number(row?.count ?? 0);
}

/** Every distinct service name ever registered (about 7,500): the vocabulary fuzzy search uses. */
export async function allServiceNames(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: assignments.serviceName })
    .from(assignments)
    .where(sql`${assignments.serviceName} is not null`);
  return rows.map((row) => row.name as string);
}
