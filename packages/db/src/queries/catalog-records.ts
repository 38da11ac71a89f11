import { asc } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Assignment, assignments, type PersonRow, people } from '../schema.ts';

/**
 * Every assignment of every era, ports first in IANA's order, then name-only records.
 * One statement: the site indexes them in memory instead of asking once per port.
 */
export function loadAllAssignments(db: Db): Promise<Assignment[]> {
  return db
    .select()
    .from(assignments)
    .orderBy(
      asc(assignments.portLow),
      asc(assignments.portHigh),
      asc(assignments.validFrom),
      asc(assignments.position),
      asc(assignments.id),
    );
}

/** The people registry, for assignee and contact names. */
export function loadAllPeople(db: Db): Promise<PersonRow[]> {
  return db.select().from(people).orderBy(asc(people.id));
}
