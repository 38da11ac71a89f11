import type { RegistrySnapshot } from '@portbook/core';
import type { GrowthChartInput } from './charts/registry-growth.ts';
import type { DocumentGap } from './sentences.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Every seventh day from `from` to `to`, and `to` itself, so the last document shows. */
export function weeklyDates(from: string, to: string): string[] {
  const dates: string[] = [];
  const end = Date.parse(to);
  for (let time = Date.parse(from); time < end; time += 7 * DAY_MS)
    dates.push(new Date(time).toISOString().slice(0, 10));
  dates.push(to);
  return dates;
}

/**
 * What the history chart draws: the registry's assigned records on one day a week between
 * the first document and the last (the snapshot's count, so gaps show as flat years), and
 * each document's changes.
 */
export function registryGrowth(
  releases: readonly { date: string; changes: number }[],
  gaps: readonly DocumentGap[],
  snapshot: Pick<RegistrySnapshot, 'assignedRecordCounts'>,
): GrowthChartInput {
  const first = releases[0];
  const last = releases.at(-1);
  if (!first || !last) return { weeks: [], releases, gaps };
  const dates = weeklyDates(first.date, last.date);
  const counts = snapshot.assignedRecordCounts(dates);
  return {
    weeks: dates.map((date, index) => ({ date, assigned: counts[index] ?? 0 })),
    releases,
    gaps,
  };
}
