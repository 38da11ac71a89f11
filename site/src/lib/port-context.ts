import { classesAt } from '@portbook/core';
import type { SiteCatalog } from '@portbook/db';
import { documentGaps } from './document-gaps.ts';
import { buildPortHistory, type PortHistory } from './port-history.ts';
import { createPortIndex } from './port-index.ts';
import type { PortPageContext } from './port-page.ts';
import { createPortSpace } from './port-space.ts';

/** Indexes the catalog once for every port page: records and changes by port, today's occupancy. */
export function createPortContext(catalog: SiteCatalog, today: string): PortPageContext {
  const current = createPortIndex(catalog.assignments.filter((a) => a.validTo === null));
  const all = createPortIndex(catalog.assignments);
  const changes = createPortIndex(catalog.changes);
  const sources = catalog.sources.filter((source) => source.inTimeline);
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const first = sources[0]?.published ?? today;
  const gaps = documentGaps(sources.map((source) => source.published));
  const currentRecordsAt = (port: number) => current.rowsAt(port);
  // Ports inside one Unassigned range share every record and change: one history serves them all.
  const histories = new Map<string, PortHistory>();
  const historyAt = (port: number) => {
    const records = all.rowsAt(port);
    const changesAt = changes.rowsAt(port);
    const key = `${records.map((r) => r.id).join(' ')}|${changesAt.map((c) => c.id).join(' ')}`;
    let history = histories.get(key);
    if (!history) {
      history = buildPortHistory({
        records,
        changes: changesAt,
        sources,
        sourceById,
        first,
        today,
        gaps,
      });
      histories.set(key, history);
    }
    return history;
  };
  return {
    currentRecordsAt,
    historyAt,
    space: createPortSpace(currentRecordsAt, classesAt(today)),
    people: new Map(catalog.people.map((person) => [person.id, person])),
    today,
  };
}
