import { sharedDataDir } from '@portbook/core/testing';
import type { Database } from '@portbook/db';
import { rawRows, TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFiles } from '../src/sources/mirror.ts';
import { type CliDatabase, cliDatabase, runCli } from './run-cli.ts';

const mirror = sharedDataDir();

const query = rawRows;

describe.runIf(mirror).each(TEST_DATABASE_KINDS)(
  'portbook sync --mirror of the shared data on %s',
  (kind) => {
    let db: CliDatabase;
    let database: Database;

    beforeAll(async () => {
      db = await cliDatabase(kind);
      const result = await runCli(['sync', '--offline', '--mirror', mirror as string], db.env);
      expect(result.stderr).not.toMatch(/^error/m);
      expect(result.code).toBe(0);
      database = db.open();
    }, 600_000);
    afterAll(async () => {
      await database?.close();
      await db?.drop();
    });

    it('stores every document of the mirror, one timeline source per edition', async () => {
      const [row] = await query<Record<string, number>>(
        database,
        `select count(*)::int as sources, count(distinct edition)::int as editions,
              count(*) filter (where in_timeline)::int as in_timeline,
              count(*) filter (where kind = 'rfc')::int as rfcs,
              count(*) filter (where kind = 'iana-text')::int as texts
         from sources`,
      );
      expect(row).toEqual({
        // The archive's NCP socket lists are the mirror's too (rfc/rfc349.txt …): the mirror's stand.
        sources: mirrorFiles(mirror as string).length,
        editions: row?.sources,
        in_timeline: row?.sources,
        rfcs: 22,
        texts: 4,
      });
    });

    it('has, at every source of the timeline, exactly the records that source states', async () => {
      const mismatches = await query<{ edition: string; record_count: number; in_force: number }>(
        database,
        `select s.edition, s.record_count,
              -- A record continued on two ports (Telnet 1 -> 23 in RFC 739) shares its past with both
              -- lineages: the same run of the same version counts once.
              (select count(distinct (a.version_id, a.first_source_id, a.last_source_id, a.position))::int
                 from assignments a
                 join sources f on f.id = a.first_source_id
                 join sources l on l.id = a.last_source_id
                where f.published <= s.published and s.published <= l.published) as in_force
         from sources s where s.in_timeline`,
      );
      expect(mismatches.filter((row) => row.record_count !== row.in_force)).toEqual([]);
      const [current] = await query(
        database,
        `select count(*)::int as current from assignments where valid_to is null`,
      );
      expect(current).toEqual({ current: 14_533 });
    });

    it('links every change found by diff to the timeline source just before it', async () => {
      const broken = await query(
        database,
        `with timeline as (
         select id, lag(id) over (order by published, edition) as previous
           from sources where in_timeline)
       select c.id, c.kind from changes c join timeline t on t.id = c.source_id
        where c.origin = 'diff' and c.previous_source_id is distinct from t.previous`,
      );
      expect(broken).toEqual([]);
      const [counts] = await query(
        database,
        `select count(*) filter (where kind = 'added')::int > 0 as added,
              count(*) filter (where kind = 'removed')::int > 0 as removed,
              count(*) filter (where kind = 'modified')::int > 0 as modified
         from changes`,
      );
      expect(counts).toEqual({ added: true, removed: true, modified: true });
    });
  },
);
