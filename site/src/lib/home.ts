import { PORT_MAX, type PortRange, type RegistrySnapshot } from '@portbook/core';
import { type ChangeLine, changeLine, type RecordLookup } from './change-text.ts';

export interface HeadlineNumber {
  label: string;
  value: string;
}

/** The few figures that say how big the registry is and how far back its history goes. */
export function headlineNumbers(
  snapshot: RegistrySnapshot,
  freeBlocks: readonly PortRange[],
): HeadlineNumber[] {
  let assignedPorts = 0;
  for (let port = 0; port <= PORT_MAX; port++)
    if (snapshot.portStatus(port) === 'assigned') assignedPorts++;
  const timeline = snapshot.sources.filter((s) => s.inTimeline);
  const first = timeline[0]?.published.slice(0, 4);
  const freeAssignable = freeBlocks
    .filter((block) => block.high < 49152)
    .reduce((sum, block) => sum + block.high - block.low + 1, 0);
  return [
    { label: 'ports with an assignment', value: format(assignedPorts) },
    { label: 'service names', value: format(snapshot.serviceNames({}).length) },
    { label: 'records in the registry', value: format(snapshot.registry.currentRecordCount) },
    { label: 'free System and User ports', value: format(freeAssignable) },
    { label: `documents${first ? ` since ${first}` : ''}`, value: format(timeline.length) },
    { label: 'changes recorded', value: format(snapshot.changes().length) },
  ];
}

/** The newest changes by their own date: latest first, then by port, changes without a port last. */
export function latestChanges(
  snapshot: RegistrySnapshot,
  recordOf: RecordLookup,
  count: number,
): ChangeLine[] {
  return snapshot
    .changes()
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
