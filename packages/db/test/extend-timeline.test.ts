import { type SourceDocument, TIMELINE_RULES } from '@portbook/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/index.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../src/testing.ts';
import { derivedByContent, rows } from './database-state.ts';
import { csvCopy, weeklyReleases as releases } from './fixtures/documents.ts';

const RESET = `truncate sources, record_versions, source_records, assignments, changes, name_links,
  people, sync_runs restart identity cascade`;

describe.each(TEST_DATABASE_KINDS)('a newer edition added to a stored timeline on %s', (kind) => {
  let test: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    [test, other] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([test?.drop(), other?.drop()]);
  });
  beforeEach(async () => {
    await rows(test.database, RESET);
    await rows(other.database, RESET);
  });

  /** `stored` imported, then `added`; beside it every document imported at once into the other database. */
  async function bothWays(stored: SourceDocument[], added: SourceDocument[]) {
    await importDocuments(test.database, stored);
    const result = await importDocuments(test.database, added);
    await importDocuments(other.database, [...stored, ...added]);
    return {
      extended: result.timeline?.extended,
      counts: result.timeline,
      actual: await derivedByContent(test.database),
      expected: await derivedByContent(other.database),
    };
  }

  it.each(releases.slice(1).map((release, k) => [release.published, k + 1] as const))(
    'extends the timeline by the release of %s to the rows a rebuild gives',
    async (_, k) => {
      const { extended, actual, expected, counts } = await bothWays(releases.slice(0, k), [
        releases[k] as SourceDocument,
      ]);
      expect(extended).toBe(true);
      expect(actual).toEqual(expected);
      expect(counts).toMatchObject({
        sources: k + 1,
        assignments: expected.assignments.length,
        changes: expected.changes.length,
        nameLinks: expected.nameLinks.length,
      });
    },
  );

  it('finds, in the fixtures, each case the extension must get right', async () => {
    await importDocuments(test.database, releases);
    const [facts] = await rows<Record<string, number>>(
      test.database,
      `select count(*) filter (where kind = 'renamed' and origin = 'diff')::int as renamed,
              count(*) filter (where origin = 'note')::int as notes,
              count(*) filter (where kind = 'removed' and origin = 'diff')::int as removed,
              (select count(*)::int from name_links) as name_links,
              -- added again after its removal (back after a gap); a run two lineages share (a branch)
              count(*) filter (where kind = 'added' and exists (select 1 from changes r
                where r.lineage = changes.lineage and r.kind = 'removed' and r.occurred <= changes.occurred))::int
                as returned,
              (select count(*)::int from (select first_source_id, last_source_id, version_id
                 from assignments group by 1, 2, 3 having count(*) > 1) shared) as shared_runs
         from changes`,
    );
    expect(facts).toEqual({
      renamed: 2,
      notes: 2,
      removed: 4,
      name_links: 2,
      returned: 2,
      shared_runs: 1,
    });
  });

  it('adds two newer releases in one import the same way', async () => {
    const { extended, actual, expected } = await bothWays(releases.slice(0, 3), releases.slice(3));
    expect(extended).toBe(true);
    expect(actual).toEqual(expected);
  });

  it('keeps the timeline when a poorer copy of the newest edition comes', async () => {
    const newest = releases[2] as SourceDocument;
    const { extended, actual, expected } = await bothWays(releases.slice(0, 3), [csvCopy(newest)]);
    expect(extended).toBe(true);
    expect(actual).toEqual(expected);
    expect(actual.timelineSources.filter((source) => !source.in_timeline)).toHaveLength(1);
  });

  it('rebuilds a timeline other history rules built, and marks it built by these', async () => {
    await importDocuments(test.database, releases.slice(0, 3));
    await rows(test.database, 'update timeline_rules set version = version - 1');
    const added = await importDocuments(test.database, [releases[3] as SourceDocument]);
    expect(added.timeline?.extended).toBe(false);
    expect(await rows(test.database, 'select version from timeline_rules')).toEqual([
      { version: TIMELINE_RULES },
    ]);
    const next = await importDocuments(test.database, [releases[4] as SourceDocument]);
    expect(next.timeline?.extended).toBe(true);
  });

  it('rebuilds when an older edition, or a richer copy of a stored one, comes', async () => {
    const older = await bothWays([releases[0], releases[2]] as SourceDocument[], [
      releases[1] as SourceDocument,
    ]);
    expect(older.extended).toBe(false);
    expect(older.actual).toEqual(older.expected);
    await rows(test.database, RESET);
    await rows(other.database, RESET);
    const richer = await bothWays(
      [releases[0], csvCopy(releases[1] as SourceDocument)] as SourceDocument[],
      [releases[1] as SourceDocument],
    );
    expect(richer.extended).toBe(false);
    expect(richer.actual).toEqual(richer.expected);
  });
});
