import {
  CHANGE_KINDS,
  type ChangeKind,
  nextDay,
  portEvents,
  type RegistrySnapshot,
  type TimelineChange,
} from '@portbook/core/reader';
import { eventView, type HistoryEvent } from '../history/history-event.ts';

export interface RegistryDiff {
  /** The registry as it stood at the end of `from` … */
  from: string;
  /** … against the end of `to` (today when not given). */
  to: string;
  counts: Record<ChangeKind, number>;
  /** Oldest first; the change feed's events, merged as a port's history merges them. */
  changes: HistoryEvent[];
}

/** What changed in the registry after `from` up to and including `to`. */
export function registryDiff(snapshot: RegistrySnapshot, from: string, to: string): RegistryDiff {
  const [earlier, later] = from <= to ? [from, to] : [to, from];
  const rows = snapshot.changes({ since: nextDay(earlier), until: later });
  const changes = portEvents(rows as TimelineChange[], snapshot.sources).map(eventView);
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<
    ChangeKind,
    number
  >;
  for (const change of changes) counts[change.kind]++;
  return { from: earlier, to: later, counts, changes };
}
