import { classesAt } from '@portbook/core';
import type { SiteCatalog } from '@portbook/db';
import { createPortIndex } from './port-index.ts';
import type { PortPageContext } from './port-page.ts';
import { createPortSpace } from './port-space.ts';

/** Indexes the catalog once for every port page: records and changes by port, today's occupancy. */
export function createPortContext(catalog: SiteCatalog, today: string): PortPageContext {
  const current = createPortIndex(catalog.assignments.filter((a) => a.validTo === null));
  const all = createPortIndex(catalog.assignments);
  const changes = createPortIndex(catalog.changes);
  const sources = catalog.sources.filter((source) => source.inTimeline);
  const currentRecordsAt = (port: number) => current.rowsAt(port);
  return {
    currentRecordsAt,
    recordsAt: (port) => all.rowsAt(port),
    changesAt: (port) => changes.rowsAt(port),
    space: createPortSpace(currentRecordsAt, classesAt(today)),
    people: new Map(catalog.people.map((person) => [person.id, person])),
    sources,
    sourceById: new Map(sources.map((source) => [source.id, source])),
    first: sources[0]?.published ?? today,
    today,
  };
}
