import { PROTOCOLS, type RegistryRecord } from '../model.ts';
import { exactKey, isNamed, textKey } from './record-identity.ts';
import { type MatchRule, matchRecords } from './record-matching.ts';
import { stableId } from './timeline-ids.ts';
import type { TimelineEntry, TimelineSource } from './types.ts';

/** One record as stated by one timeline source (by its index in the timeline). */
export interface LineageNode {
  sourceIndex: number;
  entry: TimelineEntry;
  /** The rule that linked it to the node before; null for a lineage's first node or a reappearance. */
  rule: MatchRule | null;
}

/** The versions of one record across the timeline, oldest first; nodes may skip sources (gaps). */
export interface Lineage {
  id: string;
  nodes: LineageNode[];
}

const PROTOCOL_ORDER = new Map<string | null, number>(PROTOCOLS.map((p, i) => [p, i]));

/**
 * Links every entry of every timeline source into lineages.
 * `entriesBySource[i]` holds the entries of `sources[i]` in document order.
 */
export function buildLineages(
  sources: readonly TimelineSource[],
  entriesBySource: readonly TimelineEntry[][],
): Lineage[] {
  const lineages: Lineage[] = [];
  let live: Lineage[] = [];
  // Lineages absent from the latest documents, by the exact key of their last record.
  const ended = new Map<string, Lineage>();

  sources.forEach((source, sourceIndex) => {
    const entries = entriesBySource[sourceIndex] ?? [];
    const records = entries.map((entry) => entry.record);
    const previous = entriesBySource[sourceIndex - 1] ?? [];
    const match = matchRecords(
      previous.map((entry) => entry.record),
      records,
    );
    const next: Lineage[] = [];
    const continued = new Set<Lineage>();
    const occurrences = new Map<string, number>();

    for (const b of forkOrder(records)) {
      const entry = entries[b] as TimelineEntry;
      const a = match.predecessor[b] as number;
      const node: LineageNode = { sourceIndex, entry, rule: match.rule[b] ?? null };
      let lineage: Lineage;
      if (a >= 0) {
        const parent = live[a] as Lineage;
        if (continued.has(parent)) {
          // A protocol-less record continued by a second protocol: the branch shares its past.
          const protocol = entry.record.protocol ?? '*';
          lineage = {
            id: stableId('L', parent.id, source.edition, protocol),
            nodes: parent.nodes.slice(0, -1),
          };
          lineages.push(lineage);
        } else {
          lineage = parent;
        }
        continued.add(parent);
      } else {
        // Rule 7: a named record that comes back under the same key continues its old lineage.
        const key = exactKey(entry.record);
        const returning = isNamed(entry.record) ? ended.get(key) : undefined;
        if (returning) {
          ended.delete(key);
          lineage = returning;
        } else {
          const seed = `${key}/${isNamed(entry.record) ? '' : (textKey(entry.record.description) ?? '')}`;
          const occurrence = occurrences.get(seed) ?? 0;
          occurrences.set(seed, occurrence + 1);
          lineage = { id: stableId('L', source.edition, seed, occurrence), nodes: [] };
          lineages.push(lineage);
        }
      }
      lineage.nodes.push(node);
      next[b] = lineage;
    }

    for (const lineage of live) {
      if (!continued.has(lineage)) {
        const last = lineage.nodes.at(-1) as LineageNode;
        ended.set(exactKey(last.entry.record), lineage);
      }
    }
    live = next;
  });
  return lineages;
}

/** Newer records in the order lineages are handed out: by protocol (tcp keeps a forked lineage), then position. */
function forkOrder(records: readonly RegistryRecord[]): number[] {
  const rank = (record: RegistryRecord): number =>
    PROTOCOL_ORDER.get(record.protocol) ?? PROTOCOLS.length;
  return records
    .map((_, i) => i)
    .sort((x, y) => {
      return rank(records[x] as RegistryRecord) - rank(records[y] as RegistryRecord) || x - y;
    });
}
