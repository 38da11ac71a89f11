import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures/snapshot.ts';
import { recordLookup } from './change-text.ts';
import { buildHistoryPage, buildSourcePages } from './history-pages.ts';

const snapshot = await fixtureSnapshot();
const documents = buildSourcePages(snapshot, recordLookup(snapshot));

describe('buildSourcePages', () => {
  it('gives each document of the timeline its changes and its neighbours', () => {
    expect(documents.map((d) => d.path)).toEqual([
      '/history/rfc-739/',
      '/history/rfc-1010/',
      '/history/iana-2026-08-17/',
    ]);
    const rfc1010 = documents[1];
    expect(rfc1010?.counts).toMatchObject({ modified: 1, added: 0 });
    expect(rfc1010?.changes[0]?.lines[0]?.details).toEqual([
      'description: “Who is up or NETSTAT” → “Unassigned [was netstat]”',
    ]);
    expect(rfc1010?.previous?.path).toBe('/history/rfc-739/');
    expect(rfc1010?.next?.path).toBe('/history/iana-2026-08-17/');
  });
});

describe('buildHistoryPage', () => {
  const page = buildHistoryPage(documents, snapshot);

  it('groups the documents by year, oldest first', () => {
    expect(page.years.map((y) => [y.year, y.documents.map((d) => d.slug)])).toEqual([
      ['1977', ['rfc-739']],
      ['1987', ['rfc-1010']],
      ['2026', ['iana-2026-08-17']],
    ]);
  });

  it("gives each document the registry's assigned records on its date", () => {
    const assigned = (date: string) =>
      snapshot.assignmentsMatching({ at: date, statuses: ['assigned'] }).length;
    expect(documents.map((d) => d.assignedRecords)).toEqual(
      documents.map((d) => assigned(d.source.published)),
    );
    expect(documents.at(-1)?.assignedRecords).toBeGreaterThan(0);
  });

  it('draws the growth chart week by week and the registrations per year', () => {
    expect(page.growthChart).toContain(
      `<title id="registry-growth-t">The registry's assigned records, week by week, and changes per document</title>`,
    );
    expect(page.growthChart).toContain('class="line"');
    // The gap 1987-2026 is shaded, with its dates.
    expect(page.growthChart).toContain('No document from 1987-05-01 to 2026-08-17');
    expect(page.registrationsChart).toContain('2007: 1');
  });
});
