import type { Database } from '../src/database.ts';
import { rawRows as rows } from '../src/testing.ts';

export { rows };

const TABLES = [
  'sources',
  'record_versions',
  'source_records',
  'assignments',
  'changes',
  'name_links',
  'people',
  'range_classes',
] as const;

/** Every row of every table except `sync_runs` (which records failed runs too), in a fixed order. */
export async function everyTable(database: Database): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    state[table] = await rows(database, `select * from ${table} order by 1, 2, 3`);
  }
  return state;
}

/**
 * The derived tables with database ids replaced by content (version fingerprints, source
 * hashes), so two databases that imported the same documents in different orders compare equal.
 */
export async function derivedByContent(database: Database) {
  const source = (column: string) => `(select sha256 from sources s where s.id = ${column})`;
  const version = (column: string) =>
    `(select fingerprint from record_versions v where v.id = ${column})`;
  return {
    assignments: await rows(
      database,
      `select id, ${version('version_id')} as version, lineage, ${source('first_source_id')} as first,
              ${source('last_source_id')} as last, valid_from::text, valid_to::text, position
         from assignments order by id`,
    ),
    changes: await rows(
      database,
      `select id, ${source('source_id')} as source, ${source('previous_source_id')} as previous, kind,
              lineage, ${version('before_version_id')} as before, ${version('after_version_id')} as after,
              fields, occurred::text, origin, evidence, service_name, port_low, port_high, protocol
         from changes order by id`,
    ),
    nameLinks: await rows(
      database,
      `select former_name, later_name, kind, ${source('source_id')} as source
         from name_links order by 1, 2`,
    ),
    timelineSources: await rows(
      database,
      'select sha256, in_timeline from sources order by sha256',
    ),
    people: await rows(
      database,
      `select id, name, org, uri, updated::text, ${source('source_id')} as source from people order by id`,
    ),
  };
}
