import type { SoftwareDefaults } from '../software/model.ts';
import { SoftwareIndex } from '../software/software-index.ts';
import { recordText } from './assignment-filter.ts';
import { ChangeFeed } from './change-feed.ts';
import { Occupancy } from './occupancy.ts';
import { PortBuckets } from './port-buckets.ts';
import { RangeClassIndex } from './range-class-index.ts';
import { registryInfoOf } from './registry-info.ts';
import { RegistrySnapshot } from './registry-snapshot.ts';
import type { AssignmentRow, SnapshotRows } from './rows.ts';
import { SearchIndex } from './search.ts';
import { ServiceIndex } from './service-index.ts';
import { isCurrent } from './validity.ts';

export interface BuildOptions {
  /** Awaited between phases (each a few tens of ms), so a server keeps answering meanwhile. */
  pause?: () => Promise<void>;
  /**
   * The software data set (`@portbook/software`), handed in by whoever builds the snapshot
   * (core cannot import it); without it the snapshot knows no software and no bad ports.
   */
  software?: SoftwareDefaults | undefined;
}

/** Lets the event loop run other work (requests, health checks) before the next phase. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const ianaOrder = (a: AssignmentRow, b: AssignmentRow) =>
  (a.portLow ?? -1) - (b.portLow ?? -1) ||
  a.position - b.position ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Indexes the rows into an immutable snapshot, phase by phase. */
export async function buildRegistrySnapshot(
  rows: SnapshotRows,
  options: BuildOptions = {},
): Promise<RegistrySnapshot> {
  const pause = options.pause ?? yieldToEventLoop;
  const sources = [...rows.sources].sort((a, b) =>
    a.published < b.published ? -1 : a.published > b.published ? 1 : a.id - b.id,
  );
  const assignments = [...rows.assignments].sort(ianaOrder);
  await pause();
  const sorted: SnapshotRows = { ...rows, sources, assignments };
  const current = sorted.assignments.filter(isCurrent);
  const allByPort = new PortBuckets(sorted.assignments);
  await pause();
  const currentByPort = new PortBuckets(current);
  const occupancy = new Occupancy(current);
  await pause();
  const assignmentsById = new Map(sorted.assignments.map((row) => [row.id, row]));
  const versions = new Map<number, AssignmentRow>();
  for (const row of sorted.assignments)
    if (!versions.has(row.versionId)) versions.set(row.versionId, row);
  await pause();
  const texts = new Map<AssignmentRow, string>();
  for (const [index, row] of sorted.assignments.entries()) {
    texts.set(row, recordText(row));
    if (index % 10_000 === 9_999) await pause();
  }
  await pause();
  const services = await ServiceIndex.build(sorted.assignments, sorted.nameLinks, pause);
  await pause();
  const changes = await ChangeFeed.build(sorted.changes, pause);
  const software = new SoftwareIndex(
    options.software ?? { software: [], browserBlocked: [] },
    (port) => currentByPort.at(port),
  );
  await pause();
  const searchIndex = new SearchIndex(current, services.names, software.software);
  await searchIndex.index(pause);
  return new RegistrySnapshot({
    rows: sorted,
    registry: registryInfoOf(sorted.sources, sorted.assignments, rows.lastSync),
    allByPort,
    currentByPort,
    current: occupancy,
    assignmentsById,
    versions,
    texts,
    services,
    changes,
    rangeClasses: new RangeClassIndex(sorted.rangeClasses),
    searchIndex,
    software,
    sourcesById: new Map(sorted.sources.map((source) => [source.id, source])),
    peopleById: new Map(sorted.people.map((person) => [person.id, person])),
  });
}
