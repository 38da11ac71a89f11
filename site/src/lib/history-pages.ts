import {
  CHANGE_KINDS,
  type ChangeKind,
  type ChangeRow,
  type RegistrySnapshot,
  type SourceRow,
} from '@portbook/core';
import { type ChangeLine, changeLine, type RecordLookup } from './change-text.ts';
import { barChart } from './charts/bar-chart.ts';
import { documentGaps, gapBefore } from './document-gaps.ts';
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
  /** The years without a document just before this one, when there are some. */
  gap: DocumentGap | undefined;
  /** Every gap of the timeline, named on each document's page. */
  gaps: readonly DocumentGap[];
  /**
   * Changes of this document, grouped by kind in CHANGE_KINDS order; long groups keep their
   * first CHANGE_LIST_LIMIT lines (the 2013 registry adds 13,000 records to the 2008 one; a
   * phone lays out about 300 lines per group in good time).
   */
  changes: { kind: ChangeKind; total: number; lines: ChangeLine[] }[];
}

export const CHANGE_LIST_LIMIT = 300;

export interface HistoryPage {
  documents: SourcePage[];
  /** Documents of an edition another document already stands for (e.g. the CSV beside the XML). */
  others: SourceRow[];
  recordsChart: string;
  registrationsChart: string;
  gaps: DocumentGap[];
}

export function buildSourcePages(snapshot: RegistrySnapshot, recordOf: RecordLookup): SourcePage[] {
  const timeline = snapshot.sources.filter((s) => s.inTimeline);
  const gaps = documentGaps(timeline.map((source) => source.published));
  const pages = timeline.map((source): SourcePage => {
    const own = snapshot.sourceChanges(source.id);
    return {
      slug: sourceSlug(source),
      path: sourcePath(source),
      source,
      previous: undefined,
      next: undefined,
      label: sourceLabel(source),
      counts: countKinds(own),
      gap: gapBefore(source.published, gaps),
      gaps,
      changes: CHANGE_KINDS.map((kind) => {
        const ofKind = own.filter((c) => c.kind === kind);
        return {
          kind,
          total: ofKind.length,
          lines: ofKind.slice(0, CHANGE_LIST_LIMIT).map((change) => changeLine(change, recordOf)),
        };
      }).filter((group) => group.total > 0),
    };
  });
  pages.forEach((page, index) => {
    page.previous = pages[index - 1];
    page.next = pages[index + 1];
  });
  return pages;
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
    recordsChart: barChart(
      documents.map((page) => ({
        label: page.source.published.slice(0, 4),
        value: page.source.recordCount,
        note: `${page.source.title} (${page.source.published}): ${page.source.recordCount.toLocaleString('en-US')} records`,
      })),
      {
        id: 'records-per-document',
        title: 'Records per document',
        description: `How many records each of the ${documents.length} documents of the timeline holds, oldest first.`,
      },
    ),
    registrationsChart: barChart(yearBars, {
      id: 'registrations-per-year',
      title: 'Registration dates per year',
      description: `Assigned records of today's registry counted by the year of their registration date, ${years[0] ?? ''}–${years.at(-1) ?? ''}; records without a registration date are not counted.`,
    }),
  };
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
