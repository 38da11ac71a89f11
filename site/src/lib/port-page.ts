import type {
  PortEvent,
  PortRange,
  RangeClassDefinition,
  RegistrySnapshot,
  SocketStatement,
} from '@portbook/core';
import { type EtcServices, etcServicesLines } from './etc-services.ts';
import { portQuery } from './graphql-snippet.ts';
import type { PortHistory } from './port-history.ts';
import { type PortSoftware, portSoftware } from './port-software.ts';
import { type PortSummary, portDescription, portTitle, summarizePort } from './port-summary.ts';
import { mergeProtocols, type RecordView, recordView } from './record-view.ts';

/** What a port page draws from: the snapshot, and the history of ports that share it. */
export interface PortPageContext {
  snapshot: RegistrySnapshot;
  /** The port's records of every era and its events, from the first document on. */
  historyAt(port: number, events: readonly PortEvent[]): PortHistory;
  today: string;
}

export interface PortNeighbour {
  port: number;
  names: string[];
}

/** Everything one port page shows, from the snapshot's view of the port. */
export interface PortPage {
  port: number;
  title: string;
  description: string;
  summary: PortSummary;
  /** The IANA class today. */
  rangeClass: RangeClassDefinition | undefined;
  /** IANA classes that held the port through history, oldest first. */
  eras: RangeClassDefinition[];
  ephemeral: RangeClassDefinition[];
  /** Today's records that name this port alone, then the ranges that contain it. */
  records: RecordView[];
  ranges: RecordView[];
  history: PortHistory;
  /** What RFCs said of the socket in prose before the first list (1971–1972), quoted. */
  statements: readonly SocketStatement[];
  previous: PortNeighbour | undefined;
  next: PortNeighbour | undefined;
  freeBlock: PortRange | undefined;
  /** For a taken port, the closest free one (for people choosing a port). */
  nearestFree: number | null;
  graphql: string;
  /** Its records' lines in services(5) format, and what they are for a port inside a range. */
  etcServices: EtcServices;
  /** Software defaults on the port (not IANA's), their conflicts with it, browsers' refusal. */
  software: PortSoftware;
  /** Indexed for search when a service starts here (not at every port of a range such as x11). */
  searchable: boolean;
}

export function buildPortPage(port: number, context: PortPageContext): PortPage {
  const { snapshot } = context;
  const view = snapshot.port(port);
  const summary = summarizePort(port, view.assignments, view.status);
  const rangeClass = view.rangeClass;
  const views = mergeProtocols(
    view.assignments.map((record) => recordView(record, (id) => snapshot.person(id))),
  );
  return {
    port,
    title: portTitle(summary, rangeClass?.name),
    description: portDescription(summary, rangeClass?.name),
    summary,
    rangeClass,
    eras: snapshot
      .rangeClasses()
      .filter((c) => c.low <= port && port <= c.high)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.low - b.low),
    ephemeral: view.ephemeralRanges,
    records: views.filter((record) => record.low === record.high),
    ranges: views.filter((record) => record.low !== record.high),
    history: context.historyAt(port, view.history),
    statements: view.socketStatements,
    previous: neighbour(view.previousAssigned, snapshot),
    next: neighbour(view.nextAssigned, snapshot),
    freeBlock: view.freeBlock ?? undefined,
    nearestFree: view.nearestFree,
    graphql: portQuery(port),
    etcServices: etcServicesLines(port, view.assignments),
    software: portSoftware(port, view, snapshot),
    searchable: isSearchablePort(summary),
  };
}

function neighbour(port: number | null, snapshot: RegistrySnapshot): PortNeighbour | undefined {
  if (port === null) return undefined;
  const summary = summarizePort(port, snapshot.assignmentsAt(port), snapshot.portStatus(port));
  return { port, names: summary.services.map((s) => s.name) };
}

/** A port page is indexed for search when a service starts at it, not at every port of a range. */
export function isSearchablePort(summary: PortSummary): boolean {
  return summary.services.some((service) => service.low === summary.port);
}
