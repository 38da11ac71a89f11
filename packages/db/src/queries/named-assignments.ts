import { and, asc, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Assignment, assignments } from '../schema.ts';
import { type AssignmentFilter, assignmentConditions } from './assignment-filter.ts';

/** Records with a service name and a port matching the filter, by port then protocol: an /etc/services. */
export async function namedAssignments(db: Db, filter: AssignmentFilter): Promise<Assignment[]> {
  return db
    .select()
    .from(assignments)
    .where(
      and(
        ...assignmentConditions(filter),
        sql`${assignments.serviceName} is not null`,
        sql`${assignments.portLow} is not null`,
      ),
    )
    .orderBy(asc(assignments.portLow), asc(assignments.protocol), asc(assignments.position));
}
