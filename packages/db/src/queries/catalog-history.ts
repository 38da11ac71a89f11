import { asc } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Change, changes, type NameLink, nameLinks } from '../schema.ts';

/** The whole change feed, oldest first, in one statement. */
export function loadAllChanges(db: Db): Promise<Change[]> {
  return db
    .select()
    .from(changes)
    .orderBy(asc(changes.occurred), asc(changes.portLow), asc(changes.protocol), asc(changes.id));
}

/** Former and later service names. */
export function loadAllNameLinks(db: Db): Promise<NameLink[]> {
  return db.select().from(nameLinks).orderBy(asc(nameLinks.formerName), asc(nameLinks.laterName));
}
