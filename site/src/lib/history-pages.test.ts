import type { ChangeKind, ChangeRow, SourceRow } from '@portbook/core';
import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures/snapshot.ts';
import { recordLookup } from './change-text.ts';
import {
  buildHistoryPage,
  buildSourcePages,
  changePartPages,
  changeSpan,
  PAGE_CHANGE_LINES,
} from './history-pages.ts';

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

describe('a document with more changes than its page lists', () => {
  // One release changing 3 + 12 + 40 records (40 added: 9 names without a port, 31 ports).
  const source = {
    id: 7,
    edition: 'iana:2013-02-18',
    published: '2013-02-18',
    kind: 'iana-xml',
    inTimeline: true,
    title: 'Registry',
  } as SourceRow;
  let id = 0;
  const change = (
    kind: ChangeKind,
    port: number | null,
    name: string | null,
    fields: ChangeRow['fields'] = null,
  ): ChangeRow => ({
    id: `c${++id}`,
    sourceId: source.id,
    previousSourceId: null,
    kind,
    lineage: `l${id}`,
    beforeVersionId: null,
    afterVersionId: null,
    fields,
    occurred: source.published,
    origin: 'diff',
    evidence: null,
    serviceName: name,
    portLow: port,
    portHigh: port,
    protocol: port === null ? null : 'tcp',
  });
  const moved = { contact: { before: 'a', after: 'b' } };
  const changes = [
    ...['zeta', 'alpha', 'Mu', 'beta', 'kappa', 'eta', 'gamma', 'iota', 'theta'].map((name) =>
      change('added', null, name),
    ),
    ...Array.from({ length: 31 }, (_, i) => change('added', 1000 + i * 10, `s${i}`)),
    ...Array.from({ length: 3 }, (_, i) => change('removed', 50 + i, `r${i}`)),
    ...Array.from({ length: 12 }, (_, i) =>
      change(
        'modified',
        60 + i,
        `m${i}`,
        i < 4 ? { ...moved, description: { before: 'x', after: 'y' } } : moved,
      ),
    ),
  ];
  const snapshot = {
    sources: [source],
    sourceChanges: (sourceId: number) => (sourceId === source.id ? changes : []),
    assignedRecordCounts: (dates: readonly string[]) => dates.map(() => 0),
  };
  const [page] = buildSourcePages(snapshot, () => undefined, { pageLines: 16, partLines: 8 });
  const group = (kind: ChangeKind) => page?.changes.find((g) => g.kind === kind);
  const parts = changePartPages(page ? [page] : []).map(({ part }) => part);

  it('lists the smallest kinds on its page while they fit, and splits the rest', () => {
    expect(page?.changes.map((g) => [g.kind, g.total, g.lines.length, g.parts.length])).toEqual([
      ['added', 40, 0, 6],
      ['removed', 3, 3, 0],
      ['modified', 12, 12, 0],
    ]);
  });

  it('reaches every change exactly once, from its page or one of its parts', () => {
    const shown = [
      ...(page?.changes.flatMap((g) => g.lines) ?? []),
      ...parts.flatMap((part) => part.lines),
    ].map((line) => line.id);
    expect(shown.toSorted()).toEqual(changes.map((c) => c.id).toSorted());
  });

  it('cuts a kind into even parts: names without a port by name, then ports in order', () => {
    expect(
      parts.map((part) => [part.path, part.number, part.of, part.lines.length, part.span]),
    ).toEqual([
      ['/history/iana-2013-02-18/added/1/', 1, 6, 5, 'names without a port, alpha to iota'],
      ['/history/iana-2013-02-18/added/2/', 2, 6, 4, 'names without a port, kappa to zeta'],
      ['/history/iana-2013-02-18/added/3/', 3, 6, 8, 'ports 1000–1070'],
      ['/history/iana-2013-02-18/added/4/', 4, 6, 8, 'ports 1080–1150'],
      ['/history/iana-2013-02-18/added/5/', 5, 6, 8, 'ports 1160–1230'],
      ['/history/iana-2013-02-18/added/6/', 6, 6, 7, 'ports 1240–1300'],
    ]);
    expect(parts[0]?.params).toEqual({ source: 'iana-2013-02-18', kind: 'added', part: '1' });
  });

  it('counts the fields the modifications moved, most first', () => {
    expect(group('modified')?.fields).toEqual([
      { field: 'contact', count: 12 },
      { field: 'description', count: 4 },
    ]);
  });

  it('splits nothing of a document whose changes fit its page', () => {
    const [whole] = buildSourcePages(snapshot, () => undefined, { pageLines: 60, partLines: 8 });
    expect(whole?.changes.every((g) => g.parts.length === 0 && g.lines.length === g.total)).toBe(
      true,
    );
    expect(changes.length).toBeLessThan(PAGE_CHANGE_LINES);
  });
});

describe('changeSpan', () => {
  const at = (portLow: number | null, portHigh = portLow, serviceName: string | null = null) => ({
    portLow,
    portHigh,
    serviceName,
  });

  it('names the ports and the names a run of changes covers', () => {
    expect(changeSpan([at(80)])).toBe('port 80');
    expect(changeSpan([at(80), at(1024, 1030)])).toBe('ports 80–1030');
    expect(changeSpan([at(null, null, 'fish')])).toBe('name fish (no port)');
    expect(changeSpan([at(null, null, 'fish'), at(null, null, 'dns-sd'), at(7)])).toBe(
      'names without a port, dns-sd to fish and port 7',
    );
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
