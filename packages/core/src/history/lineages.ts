import { PROTOCOLS, type RegistryRecord } from '../model.ts';
import { exactKey, isNamed, textKey } from './record-identity.ts';
import { matchRecords } from './record-matching.ts';
import { coverageOf } from './source-coverage.ts';
import { stableId } from './timeline-ids.ts';
import type { TimelineDocument, TimelineSource } from './types.ts';

/** One version of a record over a run of consecutive timeline sources (by index in the timeline). */
export interface LineageNode {
  sourceIndex: number;
  lastIndex: number;
  versionId: number;
  record: RegistryRecord;
  /** Position of the record in the run's last document. */
  position: number;
}

/** The versions of one record across the timeline, oldest first; runs may leave sources out (gaps). */
export interface Lineage {
  id: string;
  nodes: LineageNode[];
}

/** The records a source stands for, with those carried across it from the source before. */
export interface Stated {
  records: readonly RegistryRecord[];
  versionIds: ArrayLike<number>;
  positions: ArrayLike<number>;
  lineages: Lineage[];
}

/** Where linking stands after some sources: what the next source is matched against. */
export interface LineageState {
  /** The records the last source stands for, each with its lineage. */
  stated: Stated;
  /** Lineages absent from the latest documents, by the exact key of their last record. */
  ended: Map<string, Lineage>;
}

const PROTOCOL_RANK = new Map<string | null, number>(PROTOCOLS.map((p, i) => [p, i]));

function protocolRank(record: RegistryRecord): number {
  return PROTOCOL_RANK.get(record.protocol) ?? PROTOCOLS.length;
}

/**
 * Links the records of timeline sources, one source after another, into lineages, one run per
 * unchanged stretch. Starts from nothing, or from the state a stored timeline ends in.
 */
export class LineageLinker {
  /** The lineages begun here (new records and branches), in the order they began. */
  readonly started: Lineage[] = [];
  readonly #ended: Map<string, Lineage>;
  #previous: Stated;

  constructor(state?: LineageState) {
    this.#previous = state?.stated ?? { records: [], versionIds: [], positions: [], lineages: [] };
    this.#ended = state?.ended ?? new Map();
  }

  /** Which record of the last source each record of `document` continues (-1 for none). */
  match(document: TimelineDocument): Int32Array {
    const previous = this.#previous;
    return matchRecords(
      previous.records,
      document.records,
      previous.versionIds,
      document.versionIds,
    ).predecessor;
  }

  /** Links the records of the next timeline source, `sources[sourceIndex]`. */
  add(
    source: TimelineSource,
    sourceIndex: number,
    document: TimelineDocument,
    predecessor: Int32Array = this.match(document),
  ): void {
    const previous = this.#previous;
    const ended = this.#ended;
    const { records, versionIds, positions } = document;
    const heirs = chooseHeirs(predecessor, records, previous.records.length);
    const lineagesHere: Lineage[] = new Array(records.length);
    const occurrences = new Map<string, number>();

    // Every lineage is chosen before any is extended: a branch copies its parent's past only.
    records.forEach((record, b) => {
      const a = predecessor[b] as number;
      let lineage: Lineage;
      if (a >= 0) {
        const parent = previous.lineages[a] as Lineage;
        lineage = heirs[a] === b ? parent : branch(parent, source, record);
        if (lineage !== parent) this.started.push(lineage);
      } else {
        // Rule 7: a named record that comes back under the same key continues its old lineage.
        const key = exactKey(record);
        const returning = isNamed(record) ? ended.get(key) : undefined;
        if (returning) {
          ended.delete(key);
          lineage = returning;
        } else {
          const seed = `${key}/${isNamed(record) ? '' : (textKey(record.description) ?? '')}`;
          const occurrence = occurrences.get(seed) ?? 0;
          occurrences.set(seed, occurrence + 1);
          lineage = { id: stableId('L', source.edition, seed, occurrence), nodes: [] };
          this.started.push(lineage);
        }
      }
      lineagesHere[b] = lineage;
    });

    const covers = coverageOf(source.kind, records);
    const carried: number[] = [];
    previous.lineages.forEach((lineage, a) => {
      if (heirs[a] !== -1) return;
      const record = previous.records[a] as RegistryRecord;
      if (covers(record)) ended.set(exactKey(record), lineage);
      else carried.push(a);
    });
    const stated = withCarried(
      { records, versionIds, positions, lineages: lineagesHere },
      previous,
      carried,
    );
    stated.lineages.forEach((lineage, b) => {
      extend(lineage, sourceIndex, stated, b);
    });
    this.#previous = stated;
  }
}

/**
 * Links every record of every timeline source into lineages, one run per unchanged stretch.
 * `documents[i]` holds the records of `sources[i]` in document order.
 */
export function buildLineages(
  sources: readonly TimelineSource[],
  documents: readonly TimelineDocument[],
): Lineage[] {
  const linker = new LineageLinker();
  sources.forEach((source, sourceIndex) => {
    linker.add(source, sourceIndex, documents[sourceIndex] as TimelineDocument);
  });
  return linker.started;
}

/** A source's records followed by those carried across it (copies only when there are any). */
function withCarried(own: Stated, previous: Stated, carried: readonly number[]): Stated {
  if (carried.length === 0) return own;
  const pick = <T>(list: ArrayLike<T>) => carried.map((a) => list[a] as T);
  return {
    records: [...own.records, ...pick(previous.records)],
    versionIds: [...Array.from(own.versionIds), ...pick(previous.versionIds)],
    positions: [...Array.from(own.positions), ...pick(previous.positions)],
    lineages: [...own.lineages, ...pick(previous.lineages)],
  };
}

/** The lineage's last run goes on when it held the same version in the source just before. */
function extend(lineage: Lineage, sourceIndex: number, stated: Stated, b: number): void {
  const versionId = stated.versionIds[b] as number;
  const position = stated.positions[b] as number;
  const last = lineage.nodes.at(-1);
  if (last && last.lastIndex === sourceIndex - 1 && last.versionId === versionId) {
    last.lastIndex = sourceIndex;
    last.position = position;
    return;
  }
  const record = stated.records[b] as RegistryRecord;
  lineage.nodes.push({ sourceIndex, lastIndex: sourceIndex, versionId, record, position });
}

/** Of the newer records continuing one older record, tcp (then udp…) keeps its lineage; the others branch. */
export function chooseHeirs(
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
function branch(parent: Lineage, source: TimelineSource, record: RegistryRecord): Lineage {
  return {
    id: stableId('L', parent.id, source.edition, record.protocol ?? '*'),
    nodes: parent.nodes.map((node) => ({ ...node })),
  };
}
