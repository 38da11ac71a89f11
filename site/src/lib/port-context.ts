import type { RegistrySnapshot } from '@portbook/core';
import { documentGaps } from './document-gaps.ts';
import { buildPortHistory, type PortHistory } from './port-history.ts';
import type { PortPageContext } from './port-page.ts';

/** What every port page shares, from the snapshot: the timeline's documents and its gaps. */
export function createPortContext(snapshot: RegistrySnapshot, today: string): PortPageContext {
  const sources = snapshot.sources.filter((source) => source.inTimeline);
  const first = sources[0]?.published ?? today;
  const gaps = documentGaps(sources.map((source) => source.published));
  // Ports inside one Unassigned range share every record and event: one history serves them all.
  const histories = new Map<string, PortHistory>();
  const historyAt: PortPageContext['historyAt'] = (port, events) => {
    const records = snapshot.allAssignmentsAt(port);
    const key = `${records.map((r) => r.id).join(' ')}|${events.map((e) => e.id).join(' ')}`;
    let history = histories.get(key);
    if (!history) {
      history = buildPortHistory({ snapshot, records, events, first, today, gaps });
      histories.set(key, history);
    }
    return history;
  };
  return { snapshot, historyAt, today };
}
