import { buildLineages } from './lineages.ts';
import { TimelineBuilder } from './timeline-builder.ts';
import { chooseTimelineSources } from './timeline-sources.ts';
import type { Timeline, TimelineDocument, TimelineEntry, TimelineSource } from './types.ts';

/**
 * The version of the history rules. Bumped by any change to how timeline sources are chosen,
 * records matched or rows built that changes a timeline (`timeline-rules.test.ts` pins what the
 * rules build). Derived tables another version built are rebuilt at the next import, never extended.
 */
export const TIMELINE_RULES = 1;

/**
 * Rebuilds the whole derived history from the stored documents: which source stands for each
 * edition, the lineage of every record, its assignments over time and the changes between
 * consecutive documents. Pure and order-independent: the same inputs in any order give the same result.
 */
export function buildTimeline(sources: TimelineSource[], entries: TimelineEntry[]): Timeline {
  const bySource = new Map<number, TimelineEntry[]>();
  for (const entry of entries) {
    const list = bySource.get(entry.sourceId);
    if (list) list.push(entry);
    else bySource.set(entry.sourceId, [entry]);
  }
  const documents = [...bySource].map(([sourceId, list]): TimelineDocument => {
    if (!isInPositionOrder(list)) list.sort((a, b) => a.position - b.position);
    return {
      sourceId,
      records: list.map((entry) => entry.record),
      versionIds: list.map((entry) => entry.versionId),
      positions: list.map((entry) => entry.position),
    };
  });
  return buildTimelineOfDocuments(sources, documents);
}

/** `buildTimeline` for records already grouped by document and in document order. */
export function buildTimelineOfDocuments(
  sources: readonly TimelineSource[],
  documents: readonly TimelineDocument[],
): Timeline {
  const timelineSources = chooseTimelineSources(sources);
  const bySource = new Map(documents.map((document) => [document.sourceId, document]));
  const inOrder = timelineSources.map(
    (source): TimelineDocument =>
      bySource.get(source.id) ?? {
        sourceId: source.id,
        records: [],
        versionIds: [],
        positions: [],
      },
  );
  const lineages = buildLineages(timelineSources, inOrder);
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
