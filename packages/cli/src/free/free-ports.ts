import {
  PORT_MAX,
  PORT_MIN,
  type PortRange,
  type Protocol,
  type RegistrySnapshot,
  USER_PORTS,
} from '@portbook/core/reader';

export interface FreeQuery {
  /** Where to look (default User Ports, as the API's `unassigned`). */
  within?: PortRange | undefined;
  /** Looking near one port: the nearest free port to it and its block. */
  near?: number | undefined;
  minLength: number;
  protocols?: Protocol[] | undefined;
  /** Skip ports browsers refuse: for a service reached over HTTP(S). */
  web: boolean;
  at?: string | undefined;
}

export interface FreeBlock {
  low: number;
  high: number;
  length: number;
}

export interface FreePorts {
  within: PortRange;
  near: number | null;
  minLength: number;
  /** Free on these protocols; null: on every protocol (and for protocol-less records). */
  protocols: Protocol[] | null;
  web: boolean;
  at: string | null;
  /** Near a port: the free port closest to it; else the lowest free port of the blocks. */
  nearestFree: number | null;
  blocks: FreeBlock[];
  freePorts: number;
}

/**
 * Free ports by the API's rules: a port is free when no assigned or reserved record claims it
 * (the snapshot's free blocks, which with `web` skip ports browsers refuse).
 */
export function freePorts(snapshot: RegistrySnapshot, query: FreeQuery): FreePorts {
  const within =
    query.near === undefined ? (query.within ?? USER_PORTS) : { low: PORT_MIN, high: PORT_MAX };
  const { minLength, protocols, at, web } = query;
  const free = snapshot.freeBlocks(within, { minLength, protocols, at, web });
  const nearestFree = query.near === undefined ? (free[0]?.low ?? null) : nearest(query.near, free);
  const blocks =
    query.near === undefined
      ? free
      : free.filter(
          (block) => nearestFree !== null && block.low <= nearestFree && nearestFree <= block.high,
        );
  return {
    within,
    near: query.near ?? null,
    minLength: query.minLength,
    protocols: query.protocols ?? null,
    web: query.web,
    at: query.at ?? null,
    nearestFree,
    blocks: blocks.map((block) => ({ ...block, length: block.high - block.low + 1 })),
    freePorts: blocks.reduce((sum, block) => sum + block.high - block.low + 1, 0),
  };
}

/** The free port closest to `port` (the lower on a tie, as core's `nearestFree`). */
function nearest(port: number, blocks: readonly PortRange[]): number | null {
  let best: number | null = null;
  for (const block of blocks) {
    const candidate = Math.min(Math.max(port, block.low), block.high);
    if (best === null || Math.abs(candidate - port) < Math.abs(best - port)) best = candidate;
  }
  return best;
}
