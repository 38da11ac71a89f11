import type { Protocol } from '@portbook/core';
import {
  type Assignment,
  assignmentsByIds,
  assignmentsContaining,
  assignmentsNamed,
  type Change,
  changesById,
  changesContaining,
  type Db,
  groupByPort,
  groupChangesByPort,
  type NameLink,
  type NeighbouringPorts,
  nameLinksFor,
  neighbouringAssigned,
  type PersonRow,
  peopleByIds,
  type RecordVersion,
  recordVersionsByIds,
  serviceKey,
} from '@portbook/db';
import DataLoader from 'dataloader';

interface PortKey {
  port: number;
  at: string | undefined;
  protocol?: Protocol | undefined;
}

const portKey = (key: PortKey) => `${key.port}|${key.at ?? ''}|${key.protocol ?? ''}`;
const groupKey = (key: PortKey) => `${key.at ?? ''}|${key.protocol ?? ''}`;

/** Batches keys that share a date and protocol into one call with all their ports. */
function portLoader<Value>(
  load: (ports: number[], key: PortKey) => Promise<Map<number, Value>>,
  empty: Value,
) {
  return new DataLoader<PortKey, Value, string>(
    async (keys) => {
      const groups = new Map<string, PortKey[]>();
      for (const key of keys) {
        groups.set(groupKey(key), [...(groups.get(groupKey(key)) ?? []), key]);
      }
      const results = new Map<string, Value>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0] as PortKey;
          const ports = [...new Set(group.map((key) => key.port))];
          const byPort = await load(ports, first);
          for (const port of ports) {
            results.set(portKey({ ...first, port }), byPort.get(port) ?? empty);
          }
        }),
      );
      return keys.map((key) => results.get(portKey(key)) ?? empty);
    },
    { cacheKeyFn: portKey },
  );
}

/** One statement for all the ids asked for in a tick; rows come back in the order asked. */
function byIdLoader<Id, Row>(load: (ids: readonly Id[]) => Promise<Row[]>, idOf: (row: Row) => Id) {
  return new DataLoader<Id, Row | null>(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [idOf(row), row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

function byName<Row>(
  rows: readonly Row[],
  names: readonly string[],
  namesOf: (row: Row) => (string | null)[],
) {
  const grouped = new Map<string, Row[]>(names.map((name) => [serviceKey(name), []]));
  for (const row of rows) {
    const keys = new Set(
      namesOf(row)
        .filter((name): name is string => name !== null)
        .map(serviceKey),
    );
    for (const key of keys) grouped.get(key)?.push(row);
  }
  return names.map((name) => grouped.get(serviceKey(name)) ?? []);
}

/** Per-request batching and memoisation over the shared query functions. */
export function createLoaders(db: Db) {
  return {
    portAssignments: portLoader<Assignment[]>(
      async (ports, { at, protocol }) =>
        groupByPort(ports, await assignmentsContaining(db, ports, { at, protocol })),
      [],
    ),
    portChanges: portLoader<Change[]>(
      async (ports) => groupChangesByPort(ports, await changesContaining(db, ports)),
      [],
    ),
    neighbours: portLoader<NeighbouringPorts | null>(async (ports, { at }) => {
      const rows = await neighbouringAssigned(db, ports, at);
      return new Map(rows.map((row) => [row.port, row]));
    }, null),
    serviceAssignments: new DataLoader<string, Assignment[], string>(
      async (names) => byName(await assignmentsNamed(db, names), names, (row) => [row.serviceName]),
      { cacheKeyFn: serviceKey },
    ),
    nameLinks: new DataLoader<string, NameLink[], string>(
      async (names) =>
        byName(await nameLinksFor(db, names), names, (link) => [link.formerName, link.laterName]),
      { cacheKeyFn: serviceKey },
    ),
    people: byIdLoader<string, PersonRow>(
      (ids) => peopleByIds(db, ids),
      (row) => row.id,
    ),
    recordVersions: byIdLoader<number, RecordVersion>(
      (ids) => recordVersionsByIds(db, ids),
      (row) => row.id,
    ),
    assignments: byIdLoader<string, Assignment>(
      (ids) => assignmentsByIds(db, ids),
      (row) => row.id,
    ),
    changes: byIdLoader<string, Change>(
      (ids) => changesById(db, ids),
      (row) => row.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
