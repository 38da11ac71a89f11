import { PROTOCOLS, type RegistryRecord } from '../model.ts';
import type { MatchRule } from './matching-state.ts';
import { exactKey, isNamed, textKey } from './record-identity.ts';
import { matchRecords } from './record-matching.ts';
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

const PROTOCOL_RANK = new Map<string | null, number>(PROTOCOLS.map((p, i) => [p, i]));

function protocolRank(record: RegistryRecord): number {
  return PROTOCOL_RANK.get(record.protocol) ?? PROTOCOLS.length;
}

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
  let previousRecords: RegistryRecord[] = [];
  let previousVersions: number[] = [];

  sources.forEach((source, sourceIndex) => {
    const entries = entriesBySource[sourceIndex] ?? [];
    const records = entries.map((entry) => entry.record);
    const versions = entries.map((entry) => entry.versionId);
    const { predecessor, rule } = matchRecords(
      previousRecords,
      records,
      previousVersions,
      versions,
    );
    const heirs = chooseHeirs(predecessor, records, previousRecords.length);
    const next: Lineage[] = new Array(entries.length);
    const occurrences = new Map<string, number>();

    entries.forEach((entry, b) => {
      const a = predecessor[b] as number;
      let lineage: Lineage;
      if (a >= 0) {
        const parent = live[a] as Lineage;
        lineage = heirs[a] === b ? parent : branch(parent, source, sourceIndex, entry.record);
        if (lineage !== parent) lineages.push(lineage);
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
      lineage.nodes.push({ sourceIndex, entry, rule: rule[b] ?? null });
      next[b] = lineage;
    });

    live.forEach((lineage, a) => {
      if (heirs[a] === -1) ended.set(exactKey(previousRecords[a] as RegistryRecord), lineage);
    });
    live = next;
    previousRecords = records;
    previousVersions = versions;
  });
  return lineages;
}

/** Of the newer records continuing one older record, tcp (then udp…) keeps its lineage; the others branch. */
function chooseHeirs(
  predecessor: Int32Array,
  records: readonly RegistryRecord[],
  olderCount: number,
): Int32Array {
  const heirs = new Int32Array(olderCount).fill(-1);
  predecessor.forEach((a, b) => {
    if (a < 0) return;
    const heir = heirs[a] as number;
    if (
      heir === -1 ||
      protocolRank(records[b] as RegistryRecord) < protocolRank(records[heir] as RegistryRecord)
    ) {
      heirs[a] = b;
    }
  });
  return heirs;
}

/** A protocol-less record continued by a second protocol: the branch shares the parent's past. */
function branch(
  parent: Lineage,
  source: TimelineSource,
  sourceIndex: number,
  record: RegistryRecord,
): Lineage {
  return {
    id: stableId('L', parent.id, source.edition, record.protocol ?? '*'),
    nodes: parent.nodes.filter((node) => node.sourceIndex < sourceIndex),
  };
}
