import {
  CHANGE_KINDS,
  type ChangeKind,
  type ChangeRow,
  type RegistrySnapshot,
  type SourceRow,
} from '@portbook/core';
import { type ChangeLine, changeLine, type RecordLookup } from './change-text.ts';
import { barChart } from './charts/bar-chart.ts';
import { registryGrowthChart } from './charts/registry-growth.ts';
import { documentGaps, gapBefore } from './document-gaps.ts';
import { registryGrowth } from './registry-growth.ts';
import type { DocumentGap } from './sentences.ts';
import { sourcePath, sourceSlug } from './slugs.ts';
import { sourceLabel } from './source-label.ts';

export type ChangeCounts = Record<ChangeKind, number>;

/** One document of the timeline and what changed in the registry when it was published. */
export interface SourcePage {
  slug: string;
  path: string;
  source: SourceRow;
  previous: Pick<SourcePage, 'path' | 'label'> | undefined;
  next: Pick<SourcePage, 'path' | 'label'> | undefined;
  /** `RFC 1700: Assigned Numbers`, `IANA registry of 2026-08-17`. */
  label: string;
  counts: ChangeCounts;
  /** Assigned records of the registry on the document's date. */
  assignedRecords: number;
  /** The years without a document just before this one, when there are some. */
  gap: DocumentGap | undefined;
  /** Every gap of the timeline, named on each document's page. */
  gaps: readonly DocumentGap[];
  /**
   * Changes of this document, grouped by kind in CHANGE_KINDS order. A kind is listed here in
   * full while the page holds at most `pageLines` lines (smallest kinds first); a larger one is
   * split into parts of at most `partLines` lines, each a page of its own linked from here: the
   * 2013 registry changes 13,000 records of the 2008 one, and a phone lays out a hundred or
   * so lines in good time, not thousands.
   */
  changes: ChangeGroup[];
}

export interface ChangeGroup {
  kind: ChangeKind;
  total: number;
  /** Every change of the kind when it is listed on the document's page; empty when split. */
  lines: ChangeLine[];
  /** Its pages when split (names, then ports); empty when listed on the document's page. */
  parts: ChangePart[];
  /** For modifications: how many changes moved each field, most first. */
  fields: { field: string; count: number }[];
}

/** A run of one kind of change of a document, by name or by port: a page of its own. */
export interface ChangePart {
  /** `/history/iana-2013-02-18/modified/3/` */
  path: string;
  /** The document's slug, the kind and the part's number (from 1), as route parameters. */
  params: { source: string; kind: ChangeKind; part: string };
  number: number;
  /** How many parts the kind is split into. */
  of: number;
  kind: ChangeKind;
  /** `ports 1024–2047`, `names without a port, 3gpp-cbsp to fish`. */
  span: string;
  lines: ChangeLine[];
}

/**
 * Change lines a document's page lists itself (kinds beyond it get pages of their own), and
 * lines on one such page: ~4 elements a line keeps either page well under a thousand elements.
 */
export const PAGE_CHANGE_LINES = 150;
export const PART_CHANGE_LINES = 100;

export interface HistoryPage {
  documents: SourcePage[];
  /** The documents by year of publication, oldest first. */
  years: { year: string; documents: SourcePage[] }[];
  /** Documents of an edition another document already stands for (e.g. the CSV beside the XML). */
  others: SourceRow[];
  /** The registry's assigned records week by week, and each document's changes. */
  growthChart: string;
  registrationsChart: string;
  gaps: DocumentGap[];
}

export function buildSourcePages(
  snapshot: Pick<RegistrySnapshot, 'sources' | 'sourceChanges' | 'assignedRecordCounts'>,
  recordOf: RecordLookup,
  limits: { pageLines: number; partLines: number } = {
    pageLines: PAGE_CHANGE_LINES,
    partLines: PART_CHANGE_LINES,
  },
): SourcePage[] {
  const timeline = snapshot.sources.filter((s) => s.inTimeline);
  const gaps = documentGaps(timeline.map((source) => source.published));
  const assigned = snapshot.assignedRecordCounts(timeline.map((source) => source.published));
  const pages = timeline.map((source, index): SourcePage => {
    const own = snapshot.sourceChanges(source.id);
    const slug = sourceSlug(source);
    const path = sourcePath(source);
    return {
      slug,
      path,
      source,
      previous: undefined,
      next: undefined,
      label: sourceLabel(source),
      counts: countKinds(own),
      assignedRecords: assigned[index] ?? 0,
      gap: gapBefore(source.published, gaps),
      gaps,
      changes: groupChanges(own, limits).map(({ kind, changes, split }) => ({
        kind,
        total: changes.length,
        lines: split ? [] : changes.map((change) => changeLine(change, recordOf)),
        parts: split ? splitChanges(changes, limits.partLines, kind, slug, path, recordOf) : [],
        fields: kind === 'modified' ? fieldCounts(changes) : [],
      })),
    };
  });
  pages.forEach((page, index) => {
    page.previous = pages[index - 1];
    page.next = pages[index + 1];
  });
  return pages;
}

/** Every page of a document's split kinds, for `getStaticPaths`. */
export function changePartPages(
  pages: readonly SourcePage[],
): { page: SourcePage; part: ChangePart }[] {
  return pages.flatMap((page) =>
    page.changes.flatMap((group) => group.parts.map((part) => ({ page, part }))),
  );
}

/**
 * A document's changes by kind (CHANGE_KINDS order), each marked split when listing it would
 * take the page past `pageLines`: the smallest kinds are listed first.
 */
function groupChanges(
  changes: readonly ChangeRow[],
  { pageLines }: { pageLines: number },
): { kind: ChangeKind; changes: ChangeRow[]; split: boolean }[] {
  const groups = CHANGE_KINDS.map((kind) => ({
    kind,
    changes: changes.filter((c) => c.kind === kind),
    split: true,
  })).filter((group) => group.changes.length > 0);
  let listed = 0;
  for (const group of [...groups].sort((a, b) => a.changes.length - b.changes.length)) {
    if (listed + group.changes.length > pageLines) break;
    listed += group.changes.length;
    group.split = false;
  }
  return groups;
}

/**
 * Changes of one kind cut into parts: the names without a port (by name), then the rest in
 * port order (as the snapshot gives them). Each run is cut into the fewest parts of at most
 * `partLines`, of even length (201 lines make parts of 101 and 100, not 200 and 1).
 */
function splitChanges(
  changes: readonly ChangeRow[],
  partLines: number,
  kind: ChangeKind,
  slug: string,
  path: string,
  recordOf: RecordLookup,
): ChangePart[] {
  const nameOnly = changes
    .filter((change) => change.portLow === null)
    .sort((a, b) => compareNames(a.serviceName ?? '', b.serviceName ?? ''));
  const withPort = changes.filter((change) => change.portLow !== null);
  const runs = [nameOnly, withPort].flatMap((run) => {
    const count = Math.ceil(run.length / partLines);
    const size = Math.ceil(run.length / Math.max(count, 1));
    return Array.from({ length: count }, (_, index) => run.slice(index * size, (index + 1) * size));
  });
  return runs.map((run, index) => {
    const number = index + 1;
    return {
      path: `${path}${kind}/${number}/`,
      params: { source: slug, kind, part: String(number) },
      number,
      of: runs.length,
      kind,
      span: changeSpan(run),
      lines: run.map((change) => changeLine(change, recordOf)),
    };
  });
}

/**
 * What a run of changes covers: `ports 1024–2047`, `port 80`, `names without a port, a to
 * fish`, or both when the run holds both.
 */
export function changeSpan(
  changes: readonly Pick<ChangeRow, 'portLow' | 'portHigh' | 'serviceName'>[],
): string {
  let low: number | undefined;
  let high: number | undefined;
  const names: string[] = [];
  for (const change of changes) {
    if (change.portLow === null) {
      if (change.serviceName) names.push(change.serviceName);
      continue;
    }
    low = Math.min(low ?? change.portLow, change.portLow);
    high = Math.max(high ?? change.portLow, change.portHigh ?? change.portLow);
  }
  names.sort(compareNames);
  const first = names[0];
  const last = names.at(-1);
  const spans = [
    first &&
      last &&
      (first === last ? `name ${first} (no port)` : `names without a port, ${first} to ${last}`),
    low !== undefined &&
      high !== undefined &&
      (low === high ? `port ${low}` : `ports ${low}–${high}`),
  ].filter((span) => typeof span === 'string');
  return spans.join(' and ') || 'no port or name';
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** How many of the changes moved each field, most first (then by name). */
function fieldCounts(changes: readonly ChangeRow[]): { field: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const change of changes) {
    for (const [field, moved] of Object.entries(change.fields ?? {})) {
      if (moved) counts.set(field, (counts.get(field) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([field, count]) => ({ field, count }))
    .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
}

export function buildHistoryPage(documents: SourcePage[], snapshot: RegistrySnapshot): HistoryPage {
  const registrations = new Map<string, number>();
  for (const record of snapshot.assignmentsMatching({ statuses: ['assigned'] })) {
    if (!record.registered) continue;
    const year = record.registered.slice(0, 4);
    registrations.set(year, (registrations.get(year) ?? 0) + 1);
  }
  const years = [...registrations.keys()].sort();
  const yearBars = yearsBetween(years[0], years.at(-1)).map((year) => ({
    label: year,
    value: registrations.get(year) ?? 0,
  }));
  return {
    documents,
    others: snapshot.sources.filter((s) => !s.inTimeline),
    gaps: documents.flatMap((page) => (page.gap ? [page.gap] : [])),
    years: byYear(documents),
    growthChart: growthChart(documents, snapshot),
    registrationsChart: barChart(yearBars, {
      id: 'registrations-per-year',
      title: 'Registration dates per year',
      description: `Assigned records of today's registry counted by the year of their registration date, ${years[0] ?? ''}–${years.at(-1) ?? ''}; records without a registration date are not counted.`,
    }),
  };
}

function growthChart(documents: SourcePage[], snapshot: RegistrySnapshot): string {
  const releases = documents.map((page) => ({
    date: page.source.published,
    changes: totalChanges(page.counts),
  }));
  const gaps = documents.flatMap((page) => (page.gap ? [page.gap] : []));
  const growth = registryGrowth(releases, gaps, snapshot);
  const first = growth.weeks[0];
  const last = growth.weeks.at(-1);
  const busiest = documents.reduce<SourcePage | undefined>(
    (most, page) => (!most || totalChanges(page.counts) > totalChanges(most.counts) ? page : most),
    undefined,
  );
  return registryGrowthChart(growth, {
    id: 'registry-growth',
    title: "The registry's assigned records, week by week, and changes per document",
    description:
      first && last && busiest
        ? `Assigned records in the registry on one day a week: ${first.assigned.toLocaleString('en-US')} on ${first.date}, ${last.assigned.toLocaleString('en-US')} on ${last.date}; flat where no document survives (${gaps.map((gap) => `${gap.from} to ${gap.to}`).join('; ') || 'none'}). Below, the changes each of the ${documents.length} documents brought, on a log scale; the most, ${totalChanges(busiest.counts).toLocaleString('en-US')}, came with ${busiest.label}.`
        : 'No document yet.',
  });
}

export function totalChanges(counts: ChangeCounts): number {
  return CHANGE_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}

function byYear(documents: SourcePage[]): HistoryPage['years'] {
  const years = new Map<string, SourcePage[]>();
  for (const page of documents) {
    const year = page.source.published.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), page]);
  }
  return [...years].map(([year, pages]) => ({ year, documents: pages }));
}

function countKinds(changes: readonly ChangeRow[]): ChangeCounts {
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as ChangeCounts;
  for (const change of changes) counts[change.kind]++;
  return counts;
}

function yearsBetween(first: string | undefined, last: string | undefined): string[] {
  if (!first || !last) return [];
  const years: string[] = [];
  for (let year = Number(first); year <= Number(last); year++) years.push(String(year));
  return years;
}
