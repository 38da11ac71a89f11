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
  it('draws records per document and registrations per year', () => {
    const page = buildHistoryPage(documents, snapshot);
    expect(page.recordsChart).toContain(
      '<title id="records-per-document-t">Records per document</title>',
    );
    expect(page.recordsChart.match(/class="bar"/g)).toHaveLength(3);
    expect(page.registrationsChart).toContain('2007: 1');
  });
});
