import type { ChangeKind, RegistryRecord } from '../model.ts';
import type { Lineage, LineageNode } from './lineages.ts';
import { type NoteEvent, readNoteEvents } from './note-events.ts';
import { diffRecords, sharedFields } from './record-diff.ts';
import { nameKey } from './record-identity.ts';
import type {
  Timeline,
  TimelineAssignment,
  TimelineChange,
  TimelineNameLink,
  TimelineSource,
} from './types.ts';

/** Turns lineages into assignments, changes and name links. */
export class TimelineBuilder {
  readonly #sources: readonly TimelineSource[];
  readonly #assignments: TimelineAssignment[] = [];
  readonly #changes: TimelineChange[] = [];
  readonly #nameLinks = new Map<string, { link: TimelineNameLink; sourceIndex: number }>();
  readonly #noteEvents = new Map<number, NoteEvent[]>();

  constructor(sources: readonly TimelineSource[]) {
    this.#sources = sources;
  }

  add(lineage: Lineage): void {
    const { nodes } = lineage;
    const notesRead = new Set<string>();
    let lastName: string | null = null;
    nodes.forEach((node, k) => {
      this.#notes(lineage, node, notesRead, lastName);
      lastName = node.record.serviceName ?? lastName;
      const before = nodes[k - 1];
      if (!before) {
        this.#change(lineage, 'added', null, node);
      } else if (node.sourceIndex > before.lastIndex + 1) {
        this.#change(lineage, 'removed', before, null);
        this.#change(lineage, 'added', null, node);
      } else if (node.versionId !== before.versionId) {
        this.#diff(lineage, before, node);
      }
      this.#assignment(lineage, node);
    });
    const last = nodes.at(-1);
    if (last && last.lastIndex < this.#sources.length - 1) {
      this.#change(lineage, 'removed', last, null);
    }
  }

  result(): Timeline {
    return {
      sourceIds: this.#sources.map((source) => source.id),
      assignments: this.#assignments,
      changes: this.#changes,
      nameLinks: [...this.#nameLinks.values()]
        .map(({ link }) => link)
        .sort(
          (a, b) =>
            compareText(a.formerName, b.formerName) || compareText(a.laterName, b.laterName),
        ),
    };
  }

  #source(index: number): TimelineSource {
    return this.#sources[index] as TimelineSource;
  }

  #assignment(lineage: Lineage, run: LineageNode): void {
    const firstSource = this.#source(run.sourceIndex);
    this.#assignments.push({
      // A lineage starts at most one run per source, and the lineage fixes the content.
      id: `${lineage.id}@${firstSource.edition}`,
      versionId: run.versionId,
      lineage: lineage.id,
      firstSourceId: firstSource.id,
      lastSourceId: this.#source(run.lastIndex).id,
      validFrom: firstSource.published,
      validTo: this.#sources[run.lastIndex + 1]?.published ?? null,
      position: run.position,
    });
  }

  #diff(lineage: Lineage, before: LineageNode, after: LineageNode): void {
    const older = this.#source(before.lastIndex);
    const newer = this.#source(after.sourceIndex);
    const fields = diffRecords(
      before.record,
      after.record,
      sharedFields(older.fields, newer.fields),
    );
    if (Object.keys(fields).length === 0) return;
    const formerName = before.record.serviceName;
    const laterName = after.record.serviceName;
    const renamed = fields.serviceName !== undefined && formerName !== null && laterName !== null;
    this.#change(lineage, renamed ? 'renamed' : 'modified', before, after, fields);
    if (renamed && formerName && laterName) {
      this.#nameLink(
        { formerName, laterName, kind: 'renamed', sourceId: newer.id },
        after.sourceIndex,
      );
    }
  }

  #change(
    lineage: Lineage,
    kind: ChangeKind,
    before: LineageNode | null,
    after: LineageNode | null,
    fields: TimelineChange['fields'] = null,
  ): void {
    const sourceIndex = after ? after.sourceIndex : (before as LineageNode).lastIndex + 1;
    const source = this.#source(sourceIndex);
    const record = (after ?? before)?.record as RegistryRecord;
    this.#changes.push({
      id: `${lineage.id}@${source.edition}:${kind}`,
      sourceId: source.id,
      previousSourceId: this.#sources[sourceIndex - 1]?.id ?? null,
      kind,
      lineage: lineage.id,
      beforeVersionId: before?.versionId ?? null,
      afterVersionId: after?.versionId ?? null,
      fields,
      occurred: source.published,
      origin: 'diff',
      evidence: null,
      serviceName: record.serviceName,
      portLow: record.portRange?.low ?? null,
      portHigh: record.portRange?.high ?? null,
      protocol: record.protocol,
    });
  }

  /** Events IANA wrote into the record, once per lineage, from the first document that states each. */
  #notes(
    lineage: Lineage,
    node: LineageNode,
    notesRead: Set<string>,
    lastName: string | null,
  ): void {
    const { sourceIndex, versionId, record } = node;
    let events = this.#noteEvents.get(versionId);
    if (!events) {
      events = readNoteEvents(record);
      this.#noteEvents.set(versionId, events);
    }
    const source = this.#source(sourceIndex);
    events.forEach((event, n) => {
      const key = `${event.kind}\u0000${event.evidence.toLowerCase()}`;
      if (notesRead.has(key)) return;
      notesRead.add(key);
      const renamedFrom = event.kind === 'renamed' ? event.formerName : null;
      this.#changes.push({
        id: `${lineage.id}@${source.edition}:note:${n}`,
        sourceId: source.id,
        previousSourceId: this.#sources[sourceIndex - 1]?.id ?? null,
        kind: event.kind,
        lineage: lineage.id,
        beforeVersionId: null,
        afterVersionId: versionId,
        fields: renamedFrom
          ? { serviceName: { before: renamedFrom, after: record.serviceName } }
          : null,
        occurred: event.occurred ?? source.published,
        origin: 'note',
        evidence: event.evidence,
        // An entry that lost its name is found under the name it had (`[was netstat]`, or its lineage's).
        serviceName: record.serviceName ?? event.formerName ?? lastName,
        portLow: record.portRange?.low ?? null,
        portHigh: record.portRange?.high ?? null,
        protocol: record.protocol,
      });
      if (renamedFrom && record.serviceName) {
        this.#nameLink(
          {
            formerName: renamedFrom,
            laterName: record.serviceName,
            kind: 'replacement',
            sourceId: source.id,
          },
          sourceIndex,
        );
      }
    });
  }

  /** One link per pair of names, from the earliest document that shows it. */
  #nameLink(link: TimelineNameLink, sourceIndex: number): void {
    const key = nameLinkKey(link);
    const known = this.#nameLinks.get(key);
    if (!known || sourceIndex < known.sourceIndex) this.#nameLinks.set(key, { link, sourceIndex });
  }
}

/** Name links are one per pair of names, compared case-insensitively. */
export function nameLinkKey(link: Pick<TimelineNameLink, 'formerName' | 'laterName'>): string {
  return `${nameKey(link.formerName)}\u0000${nameKey(link.laterName)}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
