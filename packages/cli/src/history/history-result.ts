import {
  portEvents,
  type RegistrySnapshot,
  type SocketStatement,
  type TimelineChange,
} from '@portbook/core/reader';
import { portOrRange } from '../arguments.ts';
import { eventView, type HistoryEvent } from './history-event.ts';

export interface History {
  query: string;
  /** A port's history (every record containing it), or a service's under each of its names. */
  kind: 'port' | 'service';
  port: number | null;
  names: string[];
  events: HistoryEvent[];
  /** For a port: what RFCs said of the socket in prose before the first list (1971–1972). */
  statements: readonly SocketStatement[];
}

/** The timeline of a port or of a service name, oldest first, as the site shows it. */
export function historyOf(snapshot: RegistrySnapshot, query: string): History {
  const range = portOrRange(query);
  if (range && range.low === range.high) {
    return {
      query,
      kind: 'port',
      port: range.low,
      names: [],
      events: snapshot.portHistory(range.low).map(eventView),
      statements: snapshot.socketStatements(range.low),
    };
  }
  const service = snapshot.service(query);
  const names = service
    ? [service.name, ...[...service.formerNames, ...service.laterNames].map((link) => link.name)]
    : [];
  const seen = new Set<string>();
  const changes = names
    .flatMap((name) => snapshot.changes({ serviceName: name }))
    .filter((change) => !seen.has(change.id) && seen.add(change.id));
  return {
    query,
    kind: 'service',
    port: null,
    names,
    events: portEvents(changes as TimelineChange[], snapshot.sources).map(eventView),
    statements: [],
  };
}
