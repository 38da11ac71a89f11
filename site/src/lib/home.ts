import { PORT_MAX } from '@portbook/core';
import type { SiteCatalog } from '@portbook/db';
import { type ChangeLine, changeLine, type RecordLookup } from './change-text.ts';
import type { PortSpace } from './port-space.ts';

export interface HeadlineNumber {
  label: string;
  value: string;
}

/** The few figures that say how big the registry is and how far back its history goes. */
export function headlineNumbers(catalog: SiteCatalog, space: PortSpace): HeadlineNumber[] {
  const current = catalog.assignments.filter((a) => a.validTo === null);
  let assignedPorts = 0;
  for (let port = 0; port <= PORT_MAX; port++) if (space.isAssigned(port)) assignedPorts++;
  const names = new Set(
    current.flatMap((a) => (a.serviceName ? [a.serviceName.toLowerCase()] : [])),
  );
  const timeline = catalog.sources.filter((s) => s.inTimeline);
  const first = timeline[0]?.published.slice(0, 4);
  const freeAssignable = space.freeBlocks
    .filter((block) => block.high < 49152)
    .reduce((sum, block) => sum + block.high - block.low + 1, 0);
  return [
    { label: 'ports with an assignment', value: format(assignedPorts) },
    { label: 'service names', value: format(names.size) },
    { label: 'records in the registry', value: format(current.length) },
    { label: 'free System and User ports', value: format(freeAssignable) },
    { label: `documents${first ? ` since ${first}` : ''}`, value: format(timeline.length) },
    { label: 'changes recorded', value: format(catalog.changes.length) },
  ];
}

/** The newest changes by their own date: latest first, then by port, changes without a port last. */
export function latestChanges(
  catalog: SiteCatalog,
  recordOf: RecordLookup,
  count: number,
): ChangeLine[] {
  return catalog.changes
    .map((change) => ({ change, line: changeLine(change, recordOf) }))
    .sort(
      (a, b) =>
        b.line.date.localeCompare(a.line.date) ||
        (a.change.portLow ?? Number.MAX_SAFE_INTEGER) -
          (b.change.portLow ?? Number.MAX_SAFE_INTEGER) ||
        a.change.id.localeCompare(b.change.id),
    )
    .slice(0, count)
    .map(({ line }) => line);
}

function format(value: number): string {
  return value.toLocaleString('en-US');
}
