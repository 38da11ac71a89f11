import {
  classOf,
  ephemeralRangesContaining,
  IANA_RANGE_CLASSES,
  type PortRange,
  type RangeClassDefinition,
} from '@portbook/core';
import type { Assignment, PersonRow } from '@portbook/db';
import { type EtcServices, etcServicesLines } from './etc-services.ts';
import { portQuery } from './graphql-snippet.ts';
import type { PortHistory } from './port-history.ts';
import type { PortSpace } from './port-space.ts';
import { type PortSummary, portDescription, portTitle, summarizePort } from './port-summary.ts';
import { mergeProtocols, type RecordView, recordView } from './record-view.ts';

/** What the site knows, indexed once, that a port page draws from. */
export interface PortPageContext {
  currentRecordsAt(port: number): readonly Assignment[];
  /** The port's records of every era and their changes, from the first document on. */
  historyAt(port: number): PortHistory;
  space: PortSpace;
  people: ReadonlyMap<string, PersonRow>;
  today: string;
}

export interface PortNeighbour {
  port: number;
  names: string[];
}

/** Everything one port page shows, computed from data already in memory. */
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
  previous: PortNeighbour | undefined;
  next: PortNeighbour | undefined;
  freeBlock: PortRange | undefined;
  /** For a taken port, the closest free one (for people choosing a port). */
  nearestFree: number | null;
  graphql: string;
  /** Its records' lines in services(5) format, and what they are for a port inside a range. */
  etcServices: EtcServices;
  /** Indexed for search when a service starts here (not at every port of a range such as x11). */
  searchable: boolean;
}

export function buildPortPage(port: number, context: PortPageContext): PortPage {
  const current = context.currentRecordsAt(port);
  const summary = summarizePort(port, current);
  const rangeClass = classOf(port, context.today);
  const views = mergeProtocols(current.map((record) => recordView(record, context.people)));
  return {
    port,
    title: portTitle(summary, rangeClass?.name),
    description: portDescription(summary, rangeClass?.name),
    summary,
    rangeClass,
    eras: IANA_RANGE_CLASSES.filter((c) => c.low <= port && port <= c.high),
    ephemeral: ephemeralRangesContaining(port),
    records: views.filter((view) => view.low === view.high),
    ranges: views.filter((view) => view.low !== view.high),
    history: context.historyAt(port),
    previous: neighbour(context.space.previousAssigned(port), context),
    next: neighbour(context.space.nextAssigned(port), context),
    freeBlock: context.space.freeBlockOf(port),
    nearestFree: context.space.nearestFreeTo(port),
    graphql: portQuery(port),
    etcServices: etcServicesLines(port, current),
    searchable: isSearchablePort(summary),
  };
}

function neighbour(port: number | undefined, context: PortPageContext): PortNeighbour | undefined {
  if (port === undefined) return undefined;
  const names = summarizePort(port, context.currentRecordsAt(port)).services.map((s) => s.name);
  return { port, names };
}

/** A port page is indexed for search when a service starts at it, not at every port of a range. */
export function isSearchablePort(summary: PortSummary): boolean {
  return summary.services.some((service) => service.low === summary.port);
}
