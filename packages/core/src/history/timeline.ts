import { buildLineages } from './lineages.ts';
import { TimelineBuilder } from './timeline-builder.ts';
import { chooseTimelineSources } from './timeline-sources.ts';
import type { Timeline, TimelineEntry, TimelineSource } from './types.ts';

/**
 * Rebuilds the whole derived history from the stored documents: which source stands for each
 * edition, the lineage of every record, its assignments over time and the changes between
 * consecutive documents. Pure and order-independent: the same inputs in any order give the same result.
 */
export function buildTimeline(sources: TimelineSource[], entries: TimelineEntry[]): Timeline {
  const timelineSources = chooseTimelineSources(sources);
  const indexOf = new Map(timelineSources.map((source, i) => [source.id, i]));
  const entriesBySource: TimelineEntry[][] = timelineSources.map(() => []);
  for (const entry of entries) {
    const i = indexOf.get(entry.sourceId);
    if (i !== undefined) entriesBySource[i]?.push(entry);
  }
  for (const list of entriesBySource) {
    if (!isInPositionOrder(list)) list.sort((a, b) => a.position - b.position);
  }

  const lineages = buildLineages(timelineSources, entriesBySource);
  const builder = new TimelineBuilder(timelineSources);
  for (const lineage of lineages) builder.add(lineage);
  return builder.result();
}

function isInPositionOrder(entries: readonly TimelineEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    if ((entries[i] as TimelineEntry).position < (entries[i - 1] as TimelineEntry).position)
      return false;
  }
  return true;
}
