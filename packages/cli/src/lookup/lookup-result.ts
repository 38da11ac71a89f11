import {
  type AssignmentRow,
  type PortRange,
  PROTOCOLS,
  type RangeClassDefinition,
  type RegistrySnapshot,
  type Status,
  todayDate,
  validOn,
} from '@portbook/core/reader';
import { portOrRange } from '../arguments.ts';
import { distinctVersions, type RecordView, recordView } from '../registry/record-view.ts';
import {
  browserRefusedIn,
  type SoftwareConflictView,
  type SoftwareDefault,
  softwareConflicts,
  softwareDefaults,
  softwareNamed,
} from '../registry/software-defaults.ts';

export interface RangeClassView {
  name: string;
  low: number;
  high: number;
  definedBy: string;
}

interface LookupCommon {
  query: string;
  /** The day the registry is read on; null for the current registry. */
  at: string | null;
  /** Software defaults: unofficial, from vendors' documentation, never the registry's word. */
  software: SoftwareDefault[];
}

export interface PortLookup extends LookupCommon {
  kind: 'port';
  port: number;
  status: Status;
  rangeClass: RangeClassView | null;
  /** The day browsers began refusing HTTP(S) to the port; null when they allow it. */
  browserRefusedSince: string | null;
  /**
   * Software defaults on the port IANA assigns to another service today (none for a past
   * registry, as the API's `Port.conflicts`).
   */
  conflicts: SoftwareConflictView[];
  nearestFree: number | null;
  previousAssigned: number | null;
  nextAssigned: number | null;
  records: RecordView[];
}

export interface RangeLookup extends LookupCommon {
  kind: 'range';
  low: number;
  high: number;
  rangeClasses: RangeClassView[];
  /** Ports of the range browsers refuse. */
  browserRefused: number[];
  /** Ports of the range no assigned or reserved record claims. */
  freePorts: number;
  records: RecordView[];
}

export interface NameLookup extends LookupCommon {
  kind: 'name';
  /** The service of that name (any case, or a former or later name), else what a search finds. */
  services: { name: string; formerNames: string[]; laterNames: string[]; records: RecordView[] }[];
  /** Other names a search for the query finds, for a next lookup. */
  related: string[];
}

export type LookupResult = PortLookup | RangeLookup | NameLookup;

const MAX_SERVICES = 10;

/** What the registry (and the software defaults) say about a port, a range, a name or words. */
export function lookup(snapshot: RegistrySnapshot, query: string, at?: string): LookupResult {
  const range = portOrRange(query);
  if (range && range.low === range.high) return lookupPort(snapshot, query, range.low, at);
  if (range) return lookupRange(snapshot, query, range, at);
  return lookupName(snapshot, query, at);
}

/** Whether looking `query` up searches words (a name or words, not a port or a range). */
export function searchesWords(query: string): boolean {
  try {
    return portOrRange(query) === undefined;
  } catch {
    // Not a port at all (70000): `lookup` says so.
    return false;
  }
}

/** Whether anything answered: a record, a service or a software default. */
export function matched(result: LookupResult): boolean {
  if (result.software.length > 0) return true;
  if (result.kind === 'name') return result.services.some((service) => service.records.length);
  return result.records.length > 0;
}

function lookupPort(
  snapshot: RegistrySnapshot,
  query: string,
  port: number,
  at: string | undefined,
): PortLookup {
  const view = snapshot.port(port, at);
  return {
    kind: 'port',
    query,
    at: at ?? null,
    port,
    status: view.status,
    rangeClass: view.rangeClass ? rangeClassView(view.rangeClass) : null,
    browserRefusedSince: view.browserBlockedSince ?? null,
    conflicts: softwareConflicts(view.conflicts),
    nearestFree: view.nearestFree,
    previousAssigned: view.previousAssigned,
    nextAssigned: view.nextAssigned,
    records: records(snapshot, view.assignments),
    software: softwareDefaults(view.commonUses),
  };
}

function lookupRange(
  snapshot: RegistrySnapshot,
  query: string,
  within: PortRange,
  at: string | undefined,
): RangeLookup {
  const classes = snapshot
    .rangeClasses(at ?? todayDate())
    .filter((c) => c.low <= within.high && c.high >= within.low);
  const free = snapshot.freeBlocks(within, { at });
  return {
    kind: 'range',
    query,
    at: at ?? null,
    low: within.low,
    high: within.high,
    rangeClasses: classes.map(rangeClassView),
    browserRefused: browserRefusedIn(snapshot, within, at),
    freePorts: free.reduce((sum, block) => sum + block.high - block.low + 1, 0),
    records: records(snapshot, snapshot.assignmentsMatching({ within, at })),
    software: softwareDefaults(snapshot.commonUsesIn(within)),
  };
}

function lookupName(snapshot: RegistrySnapshot, query: string, at: string | undefined): NameLookup {
  const exact = snapshot.service(query);
  const found = snapshot
    .search(query, MAX_SERVICES + 1)
    .flatMap((hit) => (hit.kind === 'service' ? [hit.serviceName] : []));
  const names = exact ? [exact.name] : found.slice(0, MAX_SERVICES);
  const services = names.flatMap((name) => {
    const service = snapshot.service(name);
    if (!service) return [];
    const valid = service.history.filter((row) => validOn(row, at));
    if (!exact && valid.length === 0) return [];
    return [
      {
        name: service.name,
        formerNames: service.formerNames.map((link) => link.name),
        laterNames: service.laterNames.map((link) => link.name),
        records: records(snapshot, valid),
      },
    ];
  });
  const shown = new Set(services.map((service) => service.name.toLowerCase()));
  return {
    kind: 'name',
    query,
    at: at ?? null,
    services,
    related: found.filter((name) => !shown.has(name.toLowerCase())).slice(0, MAX_SERVICES),
    software: softwareNamed(snapshot, query),
  };
}

const byPortThenProtocol = (a: AssignmentRow, b: AssignmentRow) =>
  (a.portLow ?? -1) - (b.portLow ?? -1) ||
  protocolRank(a) - protocolRank(b) ||
  a.position - b.position;

function protocolRank(row: AssignmentRow): number {
  return row.protocol === null ? -1 : PROTOCOLS.indexOf(row.protocol);
}

function records(snapshot: RegistrySnapshot, rows: readonly AssignmentRow[]): RecordView[] {
  return distinctVersions([...rows].sort(byPortThenProtocol)).map((row) =>
    recordView(row, snapshot),
  );
}

function rangeClassView(definition: RangeClassDefinition): RangeClassView {
  return {
    name: definition.name,
    low: definition.low,
    high: definition.high,
    definedBy: definition.definedBy,
  };
}
