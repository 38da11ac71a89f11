import type { PortRange } from '../model.ts';
import { PortBuckets, type Spans } from './port-buckets.ts';
import type { AssignmentRow, CurrentBlocks, PortBlocks } from './rows.ts';

/** IANA's order of records: by port, then the place in the document, then id. */
export const ianaOrder = (a: AssignmentRow, b: AssignmentRow) =>
  (a.portLow ?? -1) - (b.portLow ?? -1) ||
  a.position - b.position ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The ports a record belongs to: its range (none without a port). */
export const assignmentSpans = (row: AssignmentRow): Spans =>
  row.portLow === null || row.portHigh === null ? [] : [[row.portLow, row.portHigh]];

/** The rows of `port`'s block whose spans contain it, in the block's order. */
export function rowsAtPort<Row>(
  blocks: PortBlocks<Row>,
  port: number,
  spansOf: (row: Row) => Spans,
): Row[] {
  const contains = ([low, high]: readonly [number, number]) => low <= port && port <= high;
  return blocks.block(Math.floor(port / blocks.size)).filter((row) => spansOf(row).some(contains));
}

/** Today's records by port: what a port page and a range's records read. */
export interface CurrentByPort {
  /** The current records whose range contains `port`, in IANA's order. */
  at(port: number): AssignmentRow[];
  /**
   * Current records, in IANA's order, among them every one whose range meets `range`: what a
   * filter on a range looks through (it keeps the ones that meet it).
   */
  around(range: PortRange): readonly AssignmentRow[];
}

/** Every current record indexed by port up front: a server's snapshot. */
export function indexCurrent(rows: readonly AssignmentRow[]): CurrentByPort {
  const buckets = new PortBuckets(rows);
  return { at: (port) => buckets.at(port), around: () => rows };
}

/** The current records read from stored blocks of ports, only the blocks a question meets. */
export function currentInBlocks(blocks: CurrentBlocks): CurrentByPort {
  const { size, block } = blocks;
  return {
    at: (port) => rowsAtPort(blocks, port, assignmentSpans),
    around({ low, high }) {
      const first = Math.floor(low / size);
      const last = Math.floor(high / size);
      if (first === last) return block(first);
      // A record spanning blocks is in each of them: once here.
      const rows = new Set<AssignmentRow>();
      for (let index = first; index <= last; index++) for (const row of block(index)) rows.add(row);
      return [...rows].sort(ianaOrder);
    },
  };
}
