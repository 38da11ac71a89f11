import { inArray } from 'drizzle-orm';
import type { Db } from '../database.ts';
import {
  type Assignment,
  assignments,
  type PersonRow,
  people,
  type RecordVersion,
  recordVersions,
  type Source,
  sources,
} from '../schema.ts';

/** Rows by primary key, for batch loaders and global ids; missing ids are simply absent. */
export async function peopleByIds(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(people)
    .where(inArray(people.id, [...ids]));
}

export async function sourcesByIds(db: Db, ids: readonly number[]): Promise<Source[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(sources)
    .where(inArray(sources.id, [...ids]));
}

export async function recordVersionsByIds(
  db: Db,
  ids: readonly number[],
): Promise<RecordVersion[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(recordVersions)
    .where(inArray(recordVersions.id, [...ids]));
}

export async function assignmentsByIds(db: Db, ids: readonly string[]): Promise<Assignment[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(assignments)
    .where(inArray(assignments.id, [...ids]));
}
