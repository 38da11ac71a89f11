import type { ChangeKind, Protocol } from '../model.ts';
import { type BuildSteps, runPausing } from './build-steps.ts';
import { rowsAtPort } from './current-by-port.ts';
import { PortBuckets, type Spans } from './port-buckets.ts';
import type { ChangeRow, PortBlocks, YearBlocks } from './rows.ts';
import { serviceKey } from './service-index.ts';

export interface ChangeFilter {
  /** Inclusive dates. */
  since?: string | undefined;
  until?: string | undefined;
  kinds?: readonly ChangeKind[] | undefined;
  protocols?: readonly Protocol[] | undefined;
  /** Changes to records containing this port. */
  port?: number | undefined;
  serviceName?: string | undefined;
  sourceId?: number | undefined;
}

/** Position in the feed, newest first: the last change seen. */
export interface ChangeCursor {
  occurred: string;
  id: string;
}

const newestFirst = (a: ChangeRow, b: ChangeRow) =>
  a.occurred < b.occurred
    ? 1
    : a.occurred > b.occurred
      ? -1
      : a.id < b.id
        ? 1
        : a.id > b.id
          ? -1
          : 0;

/** The feed's order oldest first: by date, then port, protocol and id (ports' histories read it). */
export const oldestFirst = (a: ChangeRow, b: ChangeRow) =>
  (a.occurred < b.occurred ? -1 : a.occurred > b.occurred ? 1 : 0) ||
  (a.portLow ?? -1) - (b.portLow ?? -1) ||
  compareText(a.protocol ?? '', b.protocol ?? '') ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The port or range a change moved a record away from (Telnet 1 -> 23 in RFC 739), if it did. */
export function movedFrom(change: Pick<ChangeRow, 'fields'>): { low: number; high: number } | null {
  const before = change.fields?.portRange?.before as { low?: unknown; high?: unknown } | null;
  return typeof before?.low === 'number' && typeof before.high === 'number'
    ? { low: before.low, high: before.high }
    : null;
}

/** A change shows on the ports of its record and, when it moved the record, on those it left. */
/** The ports a change belongs to: its record's range, and the range the record moved from. */
export function changeSpans(change: ChangeRow): Spans {
  const spans: [number, number][] = [];
  if (change.portLow !== null && change.portHigh !== null) {
    spans.push([change.portLow, change.portHigh]);
  }
  const from = movedFrom(change);
  if (from) spans.push([from.low, from.high]);
  return spans;
}

/**
 * The change feed: by id, by port and by document (oldest first), and filtered newest first.
 * Each index is built the first time a question needs it, or all of them by `steps`.
 */
export class ChangeFeed {
  readonly #read: () => readonly ChangeRow[];
  readonly #blocks: PortBlocks<ChangeRow> | undefined;
  readonly #years: YearBlocks<ChangeRow> | undefined;
  #byId: Map<string, ChangeRow> | undefined;
  #newest: readonly ChangeRow[] | undefined;
  #oldest: readonly ChangeRow[] | undefined;
  #byPort: PortBuckets<ChangeRow> | undefined;
  #bySource: Map<number, ChangeRow[]> | undefined;

  /**
   * `changes` may be read lazily; with `blocks` (a cache's), a port's changes are read from its
   * block, and with `years`, the changes between two dates from those years, until an index
   * over every change is built for another question.
   */
  constructor(
    changes: readonly ChangeRow[] | (() => readonly ChangeRow[]),
    blocks?: PortBlocks<ChangeRow>,
    years?: YearBlocks<ChangeRow>,
  ) {
    this.#read = typeof changes === 'function' ? changes : () => changes;
    this.#blocks = blocks;
    this.#years = years;
  }

  get #changes(): readonly ChangeRow[] {
    return this.#read();
  }

  /** Builds every index, yielding between steps (each sorts or indexes every change once). */
  static *steps(changes: readonly ChangeRow[]): BuildSteps<ChangeFeed> {
    const feed = new ChangeFeed(changes);
    feed.#ids();
    yield;
    feed.#newestFirst();
    yield;
    feed.#oldestFirst();
    yield;
    feed.#ports();
    feed.#sources();
    return feed;
  }

  /** Indexes the feed, pausing between steps. */
  static build(changes: readonly ChangeRow[], pause: () => Promise<void>): Promise<ChangeFeed> {
    return runPausing(ChangeFeed.steps(changes), pause);
  }

  #ids(): Map<string, ChangeRow> {
    this.#byId ??= new Map(this.#changes.map((change) => [change.id, change]));
    return this.#byId;
  }

  #newestFirst(): readonly ChangeRow[] {
    this.#newest ??= [...this.#changes].sort(newestFirst);
    return this.#newest;
  }

  #oldestFirst(): readonly ChangeRow[] {
    this.#oldest ??= [...this.#changes].sort(oldestFirst);
    return this.#oldest;
  }

  #ports(): PortBuckets<ChangeRow> {
    this.#byPort ??= new PortBuckets(this.#oldestFirst(), changeSpans);
    return this.#byPort;
  }

  #sources(): Map<number, ChangeRow[]> {
    if (this.#bySource) return this.#bySource;
    const bySource = new Map<number, ChangeRow[]>();
    for (const change of this.#oldestFirst()) {
      const list = bySource.get(change.sourceId);
      if (list) list.push(change);
      else bySource.set(change.sourceId, [change]);
    }
    this.#bySource = bySource;
    return bySource;
  }

  get size(): number {
    return this.#changes.length;
  }

  byId(id: string): ChangeRow | undefined {
    return this.#ids().get(id);
  }

  /**
   * Changes of every record whose port or range contains `port`, oldest first; a record that
   * moved to another port shows the move on the port it left too.
   */
  atPort(port: number): ChangeRow[] {
    if (this.#blocks && !this.#byPort) return rowsAtPort(this.#blocks, port, changeSpans);
    return this.#ports().at(port);
  }

  /** The changes a document shows, oldest first, then by port and protocol. */
  ofSource(sourceId: number): readonly ChangeRow[] {
    return this.#sources().get(sourceId) ?? [];
  }

  /** The changes of the years from `since`'s to `until`'s (a superset of those dates'), newest first. */
  #between(years: YearBlocks<ChangeRow>, since?: string, until?: string): ChangeRow[] {
    const first = since === undefined ? years.first : Math.max(years.first, yearOf(since));
    const last = until === undefined ? years.last : Math.min(years.last, yearOf(until));
    const rows: ChangeRow[] = [];
    for (let year = first; year <= last; year++) rows.push(...years.year(year));
    return rows.sort(newestFirst);
  }

  /** Changes matching the filter, newest first, after `after` when given. */
  list(filter: ChangeFilter, after?: ChangeCursor): ChangeRow[] {
    const candidates =
      filter.port !== undefined
        ? this.atPort(filter.port).sort(newestFirst)
        : this.#years && !this.#newest && (filter.since ?? filter.until) !== undefined
          ? this.#between(this.#years, filter.since, filter.until)
          : this.#newestFirst();
    const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
    const protocols = filter.protocols?.length ? new Set(filter.protocols) : undefined;
    const name = filter.serviceName ? serviceKey(filter.serviceName) : undefined;
    return candidates.filter(
      (change) =>
        (filter.since === undefined || change.occurred >= filter.since) &&
        (filter.until === undefined || change.occurred <= filter.until) &&
        (!kinds || kinds.has(change.kind)) &&
        (!protocols || (change.protocol !== null && protocols.has(change.protocol))) &&
        (name === undefined ||
          (change.serviceName !== null && serviceKey(change.serviceName) === name)) &&
        (filter.sourceId === undefined || change.sourceId === filter.sourceId) &&
        (after === undefined ||
          change.occurred < after.occurred ||
          (change.occurred === after.occurred && change.id < after.id)),
    );
  }
}

/** The year of a `YYYY-MM-DD` date. */
export const yearOf = (date: string) => Number(date.slice(0, 4));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
