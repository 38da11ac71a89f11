import { asc } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Change, changes, type NameLink, nameLinks, type Source, sources } from '../schema.ts';

/** Every imported document, oldest first. */
export function loadAllSources(db: Db): Promise<Source[]> {
  return db
    .select()
    .from(sources)
    .orderBy(asc(sources.published), asc(sources.edition), asc(sources.id));
}

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
