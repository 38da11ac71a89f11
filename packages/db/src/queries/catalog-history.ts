import { asc, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Change, changes, type NameLink, nameLinks } from '../schema.ts';
import { allRowsAsJson } from './catalog-json.ts';

/** The whole change feed, oldest first, in one statement. */
export function loadAllChanges(db: Db): Promise<Change[]> {
  return allRowsAsJson<Change>(
    db,
    changes,
    sql`${changes.occurred}, ${changes.portLow}, ${changes.protocol}, ${changes.id}`,
  );
}

/** Former and later service names. */
export function loadAllNameLinks(db: Db): Promise<NameLink[]> {
  return db.select().from(nameLinks).orderBy(asc(nameLinks.formerName), asc(nameLinks.laterName));
}
