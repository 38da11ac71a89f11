import type { Protocol } from '@portbook/core';
import {
  type Assignment,
  assignmentsContaining,
  type Db,
  groupByPort,
  listRangeClasses,
  type RangeClass,
} from '@portbook/db';
import DataLoader from 'dataloader';

interface PortKey {
  port: number;
  at: string | undefined;
  protocol: Protocol | undefined;
}

/** Ports asked for with the same date and protocol are read in one statement. */
function portAssignmentsLoader(db: Db) {
  return new DataLoader<PortKey, Assignment[], string>(
    async (keys) => {
      const groups = new Map<string, PortKey[]>();
      for (const key of keys) {
        const group = `${key.at ?? ''}|${key.protocol ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const results = new Map<string, Assignment[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const [{ at, protocol }] = group as [PortKey];
          const ports = [...new Set(group.map((k) => k.port))];
          const byPort = groupByPort(
            ports,
            await assignmentsContaining(db, ports, { at, protocol }),
          );
          for (const port of ports)
            results.set(cacheKey({ port, at, protocol }), byPort.get(port) ?? []);
        }),
      );
      return keys.map((key) => results.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

function cacheKey(key: PortKey): string {
  return `${key.port}|${key.at ?? ''}|${key.protocol ?? ''}`;
}

/** Per-request batching and memoisation over the shared query functions. */
export function createLoaders(db: Db) {
  let rangeClasses: Promise<RangeClass[]> | undefined;
  return {
    portAssignments: portAssignmentsLoader(db),
    /** Every range class through history: a few dozen rows, read once per request. */
    rangeClasses: () => {
      rangeClasses ??= listRangeClasses(db);
      return rangeClasses;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
