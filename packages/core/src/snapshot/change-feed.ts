import type { ChangeKind, Protocol } from '../model.ts';
import { PortBuckets, type Spans } from './port-buckets.ts';
import type { ChangeRow } from './rows.ts';
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

const oldestFirst = (a: ChangeRow, b: ChangeRow) =>
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
function changeSpans(change: ChangeRow): Spans {
  const spans: [number, number][] = [];
  if (change.portLow !== null && change.portHigh !== null) {
    spans.push([change.portLow, change.portHigh]);
  }
  const from = movedFrom(change);
  if (from) spans.push([from.low, from.high]);
  return spans;
}

/** The change feed: by id, by port and by document (oldest first), and filtered newest first. */
export class ChangeFeed {
  readonly #byId: Map<string, ChangeRow>;
  readonly #newest: readonly ChangeRow[];
  readonly #byPort: PortBuckets<ChangeRow>;
  readonly #bySource = new Map<number, ChangeRow[]>();

  /** Indexes the feed, pausing between steps (each sorts or indexes every change once). */
  static async build(
    changes: readonly ChangeRow[],
    pause: () => Promise<void>,
  ): Promise<ChangeFeed> {
    const byId = new Map(changes.map((change) => [change.id, change]));
    await pause();
    const newest = [...changes].sort(newestFirst);
    await pause();
    const oldest = [...changes].sort(oldestFirst);
    await pause();
    const feed = new ChangeFeed(byId, newest, new PortBuckets(oldest, changeSpans));
    for (const change of oldest) {
      const list = feed.#bySource.get(change.sourceId);
      if (list) list.push(change);
      else feed.#bySource.set(change.sourceId, [change]);
    }
    return feed;
  }

  private constructor(
    byId: Map<string, ChangeRow>,
    newest: readonly ChangeRow[],
    byPort: PortBuckets<ChangeRow>,
  ) {
    this.#byId = byId;
    this.#newest = newest;
    this.#byPort = byPort;
  }

  get size(): number {
    return this.#newest.length;
  }

  byId(id: string): ChangeRow | undefined {
    return this.#byId.get(id);
  }

  /**
   * Changes of every record whose port or range contains `port`, oldest first; a record that
   * moved to another port shows the move on the port it left too.
   */
  atPort(port: number): ChangeRow[] {
    return this.#byPort.at(port);
  }

  /** The changes a document shows, oldest first, then by port and protocol. */
  ofSource(sourceId: number): readonly ChangeRow[] {
    return this.#bySource.get(sourceId) ?? [];
  }

  /** Changes matching the filter, newest first, after `after` when given. */
  list(filter: ChangeFilter, after?: ChangeCursor): ChangeRow[] {
    const candidates =
      filter.port === undefined ? this.#newest : this.atPort(filter.port).sort(newestFirst);
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
