import { PORT_MAX, PORT_MIN, type PortRange, PROTOCOLS, type Protocol } from '../model.ts';
import { claimsPort, STATUS_STRENGTH } from './port-status.ts';
import type { AssignmentRow } from './rows.ts';

/** User Ports (RFC 6335): where IANA assigns new services, so where a free port is looked for. */
export const USER_PORTS: PortRange = { low: 1024, high: 49151 };

/** The claim bit of records without a protocol (named only, or early RFCs). */
const NO_PROTOCOL_BIT = 1 << PROTOCOLS.length;
const EVERY_CLAIM = (NO_PROTOCOL_BIT << 1) - 1;
const UNASSIGNED = STATUS_STRENGTH.indexOf('unassigned');

/** The arrays an `Occupancy` answers from, as `state()` gives them and `restore` takes them. */
export interface OccupancyState {
  strength: Uint8Array;
  claims: Uint8Array;
  previous: Int32Array;
  next: Int32Array;
}

/** Ports to treat as taken although no record claims them. */
export type PortSkip = (port: number) => boolean;

/**
 * The port space on one date: each port's status, which protocols records claim it on, and the
 * nearest assigned ports either side. A port is taken when a record claims it (`claimsPort`); the
 * same rule answers free blocks, the nearest free port and a port page's free block.
 */
export class Occupancy {
  readonly #strength = new Uint8Array(PORT_MAX + 1).fill(UNASSIGNED);
  readonly #claims = new Uint8Array(PORT_MAX + 1);
  readonly #previous = new Int32Array(PORT_MAX + 1);
  readonly #next = new Int32Array(PORT_MAX + 1);

  /** `rows`: the records valid on the date. */
  constructor(rows: Iterable<AssignmentRow>) {
    for (const row of rows) {
      if (row.portLow === null || row.portHigh === null) continue;
      const strength = STATUS_STRENGTH.indexOf(row.status);
      const claim = claimsPort(row)
        ? row.protocol === null
          ? NO_PROTOCOL_BIT
          : 1 << PROTOCOLS.indexOf(row.protocol)
        : 0;
      for (let port = row.portLow; port <= row.portHigh; port++) {
        if (strength < (this.#strength[port] ?? UNASSIGNED)) this.#strength[port] = strength;
        this.#claims[port] = (this.#claims[port] ?? 0) | claim;
      }
    }
    const assigned = STATUS_STRENGTH.indexOf('assigned');
    for (let port = PORT_MIN, last = -1; port <= PORT_MAX; port++) {
      this.#previous[port] = last;
      if (this.#strength[port] === assigned) last = port;
    }
    for (let port = PORT_MAX, last = -1; port >= PORT_MIN; port--) {
      this.#next[port] = last;
      if (this.#strength[port] === assigned) last = port;
    }
  }

  /**
   * The port space computed once and stored (the CLI's cache keeps today's): the same answers
   * as the `Occupancy` whose `state()` it was.
   */
  static restore(state: OccupancyState): Occupancy {
    const occupancy = new Occupancy([]);
    const into = occupancy.state();
    for (const key of ['strength', 'claims', 'previous', 'next'] as const) {
      if (state[key].length !== into[key].length) throw new Error(`occupancy ${key}: wrong length`);
      into[key].set(state[key]);
    }
    return occupancy;
  }

  /** The arrays behind the answers (not copies): to store, not to change. */
  state(): OccupancyState {
    return {
      strength: this.#strength,
      claims: this.#claims,
      previous: this.#previous,
      next: this.#next,
    };
  }

  status(port: number) {
    return STATUS_STRENGTH[this.#strength[port] ?? UNASSIGNED] ?? 'unassigned';
  }

  /** The nearest lower port an assigned record covers; null when there is none. */
  previousAssigned(port: number): number | null {
    const found = this.#previous[port] ?? -1;
    return found < 0 ? null : found;
  }

  nextAssigned(port: number): number | null {
    const found = this.#next[port] ?? -1;
    return found < 0 ? null : found;
  }

  /** Free when no record claims it on any of `protocols` (every protocol, and none, when empty). */
  isFree(port: number, protocols?: readonly Protocol[]): boolean {
    return ((this.#claims[port] ?? 0) & claimMask(protocols)) === 0;
  }

  /**
   * The free port closest to `port` (the lower on a tie), `port` itself when free, null when none
   * is; `skip` rules out ports for other reasons (browsers refusing them).
   */
  nearestFree(port: number, protocols?: readonly Protocol[], skip?: PortSkip): number | null {
    const mask = claimMask(protocols);
    const free = (n: number) => ((this.#claims[n] ?? 0) & mask) === 0 && !skip?.(n);
    if (free(port)) return port;
    let below: number | null = null;
    for (let n = port - 1; n >= PORT_MIN; n--) {
      if (free(n)) {
        below = n;
        break;
      }
    }
    let above: number | null = null;
    for (let n = port + 1; n <= PORT_MAX; n++) {
      if (free(n)) {
        above = n;
        break;
      }
    }
    if (below === null) return above;
    if (above === null) return below;
    return port - below <= above - port ? below : above;
  }

  /** The maximal runs of free ports in `within`, at least `minLength` long, lowest first. */
  freeBlocks(
    within: PortRange,
    minLength = 1,
    protocols?: readonly Protocol[],
    skip?: PortSkip,
  ): PortRange[] {
    const mask = claimMask(protocols);
    const blocks: PortRange[] = [];
    let start = -1;
    for (let port = within.low; port <= within.high + 1; port++) {
      const free = port <= within.high && ((this.#claims[port] ?? 0) & mask) === 0 && !skip?.(port);
      if (free && start < 0) start = port;
      if (!free && start >= 0) {
        if (port - start >= minLength) blocks.push({ low: start, high: port - 1 });
        start = -1;
      }
    }
    return blocks;
  }

  /** The run of free ports around `port` within `bounds`; null when the port is taken. */
  freeBlockAround(port: number, bounds: PortRange): PortRange | null {
    const free = (n: number) => (this.#claims[n] ?? 0) === 0;
    if (!free(port)) return null;
    let low = port;
    let high = port;
    while (low > bounds.low && free(low - 1)) low--;
    while (high < bounds.high && free(high + 1)) high++;
    return { low, high };
  }
}

function claimMask(protocols: readonly Protocol[] | undefined): number {
  if (!protocols?.length) return EVERY_CLAIM;
  let mask = 0;
  for (const protocol of protocols) mask |= 1 << PROTOCOLS.indexOf(protocol);
  return mask;
}
