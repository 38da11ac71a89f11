import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Assignment, assignments, type PersonRow, people } from '../schema.ts';
import { allRowsAsJson } from './catalog-json.ts';

/**
 * Every assignment of every era, ports first in IANA's order, then name-only records.
 * One statement: the site indexes them in memory instead of asking once per port.
 */
export function loadAllAssignments(db: Db): Promise<Assignment[]> {
  return allRowsAsJson<Assignment>(
    db,
    assignments,
    sql`${assignments.portLow}, ${assignments.portHigh}, ${assignments.validFrom}, ${assignments.position}, ${assignments.id}`,
  );
}

/** The people registry, for assignee and contact names. */
export function loadAllPeople(db: Db): Promise<PersonRow[]> {
  return allRowsAsJson<PersonRow>(db, people, sql`${people.id}`);
}
