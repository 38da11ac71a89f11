import type { RegistryRecord } from '../model.ts';
import { buildLineages, type Lineage, type LineageNode } from './lineages.ts';
import { diffRecords, sharedFields } from './record-diff.ts';
import { nameKey } from './record-identity.ts';
import { chooseTimelineSources } from './timeline-sources.ts';
import type {
  Timeline,
  TimelineAssignment,
  TimelineChange,
  TimelineEntry,
  TimelineNameLink,
  TimelineSource,
} from './types.ts';

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
  for (const list of entriesBySource) list.sort((a, b) => a.position - b.position);

  const lineages = buildLineages(timelineSources, entriesBySource);
  const builder = new TimelineBuilder(timelineSources);
  for (const lineage of lineages) builder.add(lineage);
  return builder.result();
}

class TimelineBuilder {
  readonly #sources: readonly TimelineSource[];
  readonly #assignments: TimelineAssignment[] = [];
  readonly #changes: TimelineChange[] = [];
  readonly #nameLinks = new Map<string, { link: TimelineNameLink; sourceIndex: number }>();

  constructor(sources: readonly TimelineSource[]) {
    this.#sources = sources;
  }

  add(lineage: Lineage): void {
    const { nodes } = lineage;
    let runStart = 0;
    nodes.forEach((node, k) => {
      const before = nodes[k - 1];
      if (!before) {
        this.#change(lineage, 'added', null, node);
      } else if (node.sourceIndex > before.sourceIndex + 1) {
        this.#change(lineage, 'removed', before, null);
        this.#change(lineage, 'added', null, node);
      } else if (node.entry.versionId !== before.entry.versionId) {
        this.#diff(lineage, before, node);
      }
      const after = nodes[k + 1];
      const runEnds =
        !after ||
        after.sourceIndex !== node.sourceIndex + 1 ||
        after.entry.versionId !== node.entry.versionId;
      if (runEnds) {
        this.#assignment(lineage, nodes[runStart] as LineageNode, node);
        runStart = k + 1;
      }
    });
    const last = nodes.at(-1);
    if (last && last.sourceIndex < this.#sources.length - 1) {
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

  #assignment(lineage: Lineage, first: LineageNode, last: LineageNode): void {
    const firstSource = this.#source(first.sourceIndex);
    this.#assignments.push({
      // A lineage starts at most one run per source, and the lineage fixes the content.
      id: `${lineage.id}@${firstSource.edition}`,
      versionId: first.entry.versionId,
      lineage: lineage.id,
      firstSourceId: firstSource.id,
      lastSourceId: this.#source(last.sourceIndex).id,
      validFrom: firstSource.published,
      validTo: this.#sources[last.sourceIndex + 1]?.published ?? null,
      position: last.entry.position,
    });
  }

  #diff(lineage: Lineage, before: LineageNode, after: LineageNode): void {
    const older = this.#source(before.sourceIndex);
    const newer = this.#source(after.sourceIndex);
    const fields = diffRecords(
      before.entry.record,
      after.entry.record,
      sharedFields(older.fields, newer.fields),
    );
    if (Object.keys(fields).length === 0) return;
    const formerName = before.entry.record.serviceName;
    const laterName = after.entry.record.serviceName;
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
    kind: 'added' | 'removed' | 'modified' | 'renamed',
    before: LineageNode | null,
    after: LineageNode | null,
    fields: TimelineChange['fields'] = null,
  ): void {
    const sourceIndex = after ? after.sourceIndex : (before as LineageNode).sourceIndex + 1;
    const source = this.#source(sourceIndex);
    const record = (after ?? before)?.entry.record as RegistryRecord;
    this.#changes.push({
      id: `${lineage.id}@${source.edition}:${kind}`,
      sourceId: source.id,
      previousSourceId: this.#sources[sourceIndex - 1]?.id ?? null,
      kind,
      lineage: lineage.id,
      beforeVersionId: before?.entry.versionId ?? null,
      afterVersionId: after?.entry.versionId ?? null,
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

  /** One link per pair of names, from the earliest document that shows it. */
  #nameLink(link: TimelineNameLink, sourceIndex: number): void {
    const key = `${nameKey(link.formerName)}\u0000${nameKey(link.laterName)}`;
    const known = this.#nameLinks.get(key);
    if (!known || sourceIndex < known.sourceIndex) this.#nameLinks.set(key, { link, sourceIndex });
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
