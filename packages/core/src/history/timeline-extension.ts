import type { RegistryRecord } from '../model.ts';
import { endedLineages } from './ended-lineages.ts';
import { chooseHeirs, type Lineage, LineageLinker, type LineageNode } from './lineages.ts';
import { exactKey, isNamed, nameKey } from './record-identity.ts';
import { matchRecords } from './record-matching.ts';
import { nameLinkKey, TimelineBuilder } from './timeline-builder.ts';
import type { Timeline, TimelineDocument, TimelineNameLink, TimelineSource } from './types.ts';

export { carriesRecords } from './source-coverage.ts';
export { nameLinkKey } from './timeline-builder.ts';

/** How a built timeline ends: its sources, and the records of the last (its tail). */
export interface TimelineTail {
  /** The timeline's sources, oldest first. */
  sources: readonly TimelineSource[];
  /** The last source's records, in document order. */
  document: TimelineDocument;
}

/** What extending a tail by a newer document needs read back from the stored timeline. */
export interface ExtensionPlan {
  /** Which record of the last source each newer record continues (-1 for none). */
  predecessor: Int32Array;
  /** Positions in the last source of the records whose lineage ends, changes or branches. */
  positions: number[];
  /** Names of newer records that continue none: a lineage that ended under that name may come back. */
  returningNames: ReadonlySet<string>;
}

/** One stored assignment, read back as the run of a lineage it stands for. */
export interface StoredRun {
  lineage: string;
  versionId: number;
  record: RegistryRecord;
  firstSourceId: number;
  lastSourceId: number;
  position: number;
}

/** The rows a newer source changes, every other row staying as stored. */
export interface TimelineExtension {
  sourceIds: number[];
  /** Runs of the last source that go on unchanged into the new one: where they stood, where they stand. */
  continued: { position: number; next: number }[];
  /** Lineages whose assignments and changes are replaced by `assignments` and `changes`. */
  lineageIds: string[];
  assignments: Timeline['assignments'];
  changes: Timeline['changes'];
  /** The earliest link of each pair of names these lineages show; `tied` when two differ there. */
  nameLinks: { link: TimelineNameLink; tied: boolean }[];
}

/** Matches the newer document against the tail and names the history the extension needs. */
export function planExtension(tail: TimelineTail, document: TimelineDocument): ExtensionPlan {
  const older = tail.document;
  const { predecessor } = matchRecords(
    older.records,
    document.records,
    older.versionIds,
    document.versionIds,
  );
  const heirs = chooseHeirs(predecessor, document.records, older.records.length);
  const successors = new Int32Array(older.records.length);
  const returningNames = new Set<string>();
  predecessor.forEach((a, b) => {
    if (a >= 0) successors[a] = (successors[a] as number) + 1;
    else if (isNamed(document.records[b] as RegistryRecord)) {
      returningNames.add(nameKey((document.records[b] as RegistryRecord).serviceName) as string);
    }
  });
  const positions: number[] = [];
  heirs.forEach((heir, a) => {
    // (A record continued twice has no protocol and its heirs one: their versions differ anyway.)
    if (
      heir === -1 ||
      (successors[a] as number) > 1 ||
      document.versionIds[heir] !== older.versionIds[a]
    ) {
      positions.push(older.positions[a] as number);
    }
  });
  return { predecessor, positions, returningNames };
}

/** Whether a stored run of this service name may belong to a lineage the newer document brings back. */
export function mayReturnUnder(plan: ExtensionPlan, serviceName: string | null): boolean {
  const name = nameKey(serviceName);
  return name !== null && plan.returningNames.has(name);
}

function lineagesOf(runs: readonly StoredRun[], index: ReadonlyMap<number, number>) {
  const lineages = new Map<string, Lineage>();
  for (const run of runs) {
    const node: LineageNode = {
      sourceIndex: index.get(run.firstSourceId) as number,
      lastIndex: index.get(run.lastSourceId) as number,
      versionId: run.versionId,
      record: run.record,
      position: run.position,
    };
    const lineage = lineages.get(run.lineage);
    if (lineage) lineage.nodes.push(node);
    else lineages.set(run.lineage, { id: run.lineage, nodes: [node] });
  }
  for (const lineage of lineages.values()) {
    lineage.nodes.sort((x, y) => x.sourceIndex - y.sourceIndex);
  }
  return lineages;
}

/**
 * The timeline of the tail's sources and one newer source, as rows to change: the same rows a
 * rebuild from every document would give. `history` holds every stored run of the plan's
 * lineages and of each lineage that ended (for good, or before a gap) with a run named as one of
 * the plan's returning names. Null when the stored runs cannot tell what a rebuild would choose.
 */
export function extendTimeline(
  tail: TimelineTail,
  source: TimelineSource,
  document: TimelineDocument,
  plan: ExtensionPlan,
  history: readonly StoredRun[],
): TimelineExtension | null {
  const sources = [...tail.sources, source];
  const newest = tail.sources.length;
  const last = tail.sources.at(-1) as TimelineSource;
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const whole = lineagesOf(history, index);
  // The lineage of each planned record: the one whose run ends at it.
  const atPosition = new Map<number, Lineage>();
  for (const run of history) {
    if (run.lastSourceId === last.id)
      atPosition.set(run.position, whole.get(run.lineage) as Lineage);
  }
  const older = tail.document;
  const planned = new Set(plan.positions);
  if (plan.positions.some((position) => !atPosition.has(position))) return null;
  // The others only go on: their run is all the linking needs (its start is not).
  const lineages = Array.from(older.records, (record, a): Lineage => {
    const position = older.positions[a] as number;
    const lineage = planned.has(position) ? atPosition.get(position) : undefined;
    return (
      lineage ?? {
        id: `#${position}`,
        nodes: [
          {
            sourceIndex: -1,
            lastIndex: newest - 1,
            versionId: older.versionIds[a] as number,
            record,
            position,
          },
        ],
      }
    );
  });
  const returning = new Set<string>();
  plan.predecessor.forEach((a, b) => {
    const record = document.records[b] as RegistryRecord;
    if (a === -1 && isNamed(record)) returning.add(exactKey(record));
  });
  const ended = endedLineages(tail.sources, whole.values(), returning);
  if (!ended) return null;
  const linker = new LineageLinker({
    stated: {
      records: older.records,
      versionIds: older.versionIds,
      positions: older.positions,
      lineages,
    },
    ended,
  });
  linker.add(source, newest, document, plan.predecessor);

  const continued: TimelineExtension['continued'] = [];
  const touched = new Set<Lineage>();
  lineages.forEach((lineage, a) => {
    const position = older.positions[a] as number;
    if (planned.has(position)) {
      touched.add(lineage);
      return;
    }
    const [run] = lineage.nodes as [LineageNode];
    if (lineage.nodes.length !== 1 || run.lastIndex !== newest) {
      throw new Error(`the record at ${position} changed but its history was not read`);
    }
    continued.push({ position, next: run.position });
  });
  for (const lineage of whole.values()) {
    if (lineage.nodes.at(-1)?.sourceIndex === newest) touched.add(lineage);
  }
  for (const lineage of linker.started) touched.add(lineage);
  return { sourceIds: sources.map((s) => s.id), continued, ...rowsOf(sources, touched) };
}

/** The rows of some lineages; each built alone, so a name link's lineage is known. */
function rowsOf(sources: readonly TimelineSource[], lineages: Iterable<Lineage>) {
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const rows: Pick<TimelineExtension, 'lineageIds' | 'assignments' | 'changes'> = {
    lineageIds: [],
    assignments: [],
    changes: [],
  };
  const links = new Map<string, { link: TimelineNameLink; at: number; tied: boolean }>();
  for (const lineage of lineages) {
    const builder = new TimelineBuilder(sources);
    builder.add(lineage);
    const timeline = builder.result();
    rows.lineageIds.push(lineage.id);
    rows.assignments.push(...timeline.assignments);
    rows.changes.push(...timeline.changes);
    for (const link of timeline.nameLinks) {
      const key = nameLinkKey(link);
      const at = index.get(link.sourceId) as number;
      const known = links.get(key);
      if (!known || at < known.at) links.set(key, { link, at, tied: false });
      else if (at === known.at && !sameLink(known.link, link)) known.tied = true;
    }
  }
  return {
    ...rows,
    nameLinks: [...links.values()].map(({ link, tied }) => ({ link, tied })),
  };
}

function sameLink(a: TimelineNameLink, b: TimelineNameLink): boolean {
  return (
    a.formerName === b.formerName &&
    a.laterName === b.laterName &&
    a.kind === b.kind &&
    a.sourceId === b.sourceId
  );
}
