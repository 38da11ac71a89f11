import {
  type ChangeKind,
  PROTOCOLS,
  type Protocol,
  type RegistryRecord,
  type SourceKind,
} from '../model.ts';
import { validOn } from '../snapshot/validity.ts';
import type { TimelineAssignment, TimelineChange } from './types.ts';

/** A stored source document as a port's history names it. */
export interface HistorySource {
  id: number;
  kind: SourceKind;
  edition: string;
  title: string;
  published: string;
}

/** An assignment row joined with the record version it dates. */
export type AssignmentWithRecord = Pick<
  TimelineAssignment,
  'id' | 'lineage' | 'versionId' | 'validFrom' | 'validTo' | 'firstSourceId' | 'lastSourceId'
> & { record: RegistryRecord };

/** One dated event of a port's history, with the documents it was read from. */
export interface PortEvent {
  /** The change row's id (the first one when forked lineages repeat an event). */
  id: string;
  date: string;
  kind: ChangeKind;
  origin: TimelineChange['origin'];
  serviceName: string | null;
  protocol: Protocol | null;
  portLow: number | null;
  portHigh: number | null;
  fields: TimelineChange['fields'];
  /** The note the event was read from, or IANA's note on a change a diff shows. */
  evidence: string | null;
  /** The document that first shows the event, and the one before it in the timeline. */
  source: HistorySource | null;
  previousSource: HistorySource | null;
  /** Every lineage the event belongs to (several when a protocol-less record forked into tcp and udp). */
  lineages: string[];
}

const KIND_ORDER: readonly ChangeKind[] = ['removed', 'deassigned', 'modified', 'renamed', 'added'];

/**
 * A port's changes as one dated, ordered list. A protocol-less record continued by tcp and udp
 * repeats its early history in both lineages; those copies become one event. A note stating a
 * change a diff of the same document shows (a rename IANA also wrote down) joins that diff.
 */
export function portEvents(
  changes: readonly TimelineChange[],
  sources: readonly HistorySource[],
): PortEvent[] {
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const { noteOnDiff, joined } = notesOnDiffs(changes);
  const events = new Map<string, PortEvent>();
  for (const change of changes) {
    if (joined.has(change.id)) continue;
    const evidence = noteOnDiff.get(change.id) ?? change.evidence;
    const key = [
      change.sourceId,
      change.kind,
      change.origin,
      change.beforeVersionId,
      change.afterVersionId,
      evidence,
    ].join('\u0000');
    const known = events.get(key);
    if (known) {
      known.lineages.push(change.lineage);
      continue;
    }
    events.set(key, {
      id: change.id,
      date: change.occurred,
      kind: change.kind,
      origin: change.origin,
      serviceName: change.serviceName,
      protocol: change.protocol,
      portLow: change.portLow,
      portHigh: change.portHigh,
      fields: change.fields,
      evidence,
      source: sourceById.get(change.sourceId) ?? null,
      previousSource:
        change.previousSourceId === null ? null : (sourceById.get(change.previousSourceId) ?? null),
      lineages: [change.lineage],
    });
  }
  return [...events.values()].sort(compareEvents);
}

/** The same change of one record in one document: a diff and a note may both state it. */
function changeKey(change: TimelineChange): string {
  return [change.lineage, change.sourceId, change.kind, change.afterVersionId].join('\u0000');
}

/** The note's evidence for each diff a note restates, and the ids of the notes that joined one. */
function notesOnDiffs(changes: readonly TimelineChange[]) {
  const diffs = new Map<string, TimelineChange>();
  for (const change of changes) if (change.origin === 'diff') diffs.set(changeKey(change), change);
  const noteOnDiff = new Map<string, string | null>();
  const joined = new Set<string>();
  for (const note of changes) {
    if (note.origin !== 'note') continue;
    const diff = diffs.get(changeKey(note));
    if (!diff || noteOnDiff.has(diff.id) || !fieldsAgree(note.fields, diff.fields)) continue;
    noteOnDiff.set(diff.id, note.evidence);
    joined.add(note.id);
  }
  return { noteOnDiff, joined };
}

/** Every field the note states changed the same way in the diff (names in any case). */
function fieldsAgree(note: TimelineChange['fields'], diff: TimelineChange['fields']): boolean {
  return Object.entries(note ?? {}).every(([field, stated]) => {
    const seen = diff?.[field as keyof typeof diff];
    return (
      seen !== undefined &&
      sameValue(stated?.before, seen.before) &&
      sameValue(stated?.after, seen.after)
    );
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareEvents(a: PortEvent, b: PortEvent): number {
  return (
    compareText(a.date, b.date) ||
    compareText(a.source?.published ?? '', b.source?.published ?? '') ||
    protocolRank(a.protocol) - protocolRank(b.protocol) ||
    compareText(a.serviceName ?? '', b.serviceName ?? '') ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareText(a.id, b.id)
  );
}

function protocolRank(protocol: Protocol | null): number {
  return protocol === null ? -1 : PROTOCOLS.indexOf(protocol);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What the registry said about the port on `date`: the assignments valid then, one per
 * version (forked lineages share their early versions), by protocol and port.
 */
export function stateAt<T extends AssignmentWithRecord>(
  assignments: readonly T[],
  date: string,
): T[] {
  const seen = new Set<string>();
  return assignments
    .filter((a) => validOn(a, date))
    .filter((a) => {
      const key = `${a.versionId}\u0000${a.validFrom}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        protocolRank(a.record.protocol) - protocolRank(b.record.protocol) ||
        (a.record.portRange?.low ?? -1) - (b.record.portRange?.low ?? -1) ||
        compareText(a.record.serviceName ?? '', b.record.serviceName ?? ''),
    );
}
