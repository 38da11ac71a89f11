import type { SoftwareDefaults } from '../software/model.ts';
import { SoftwareIndex } from '../software/software-index.ts';
import { recordText } from './assignment-filter.ts';
import { type BuildSteps, runAtOnce, runPausing } from './build-steps.ts';
import { ChangeFeed } from './change-feed.ts';
import { currentInBlocks, ianaOrder, indexCurrent } from './current-by-port.ts';
import { Occupancy } from './occupancy.ts';
import { PortBuckets } from './port-buckets.ts';
import { RangeClassIndex } from './range-class-index.ts';
import { registryInfoOf } from './registry-info.ts';
import { RegistrySnapshot, type SnapshotIndexes } from './registry-snapshot.ts';
import type { AssignmentRow, SnapshotRows, SourceRow } from './rows.ts';
import { SearchIndex } from './search.ts';
import { BucketedServices, ServiceIndex } from './service-index.ts';
import { isCurrent } from './validity.ts';

export interface BuildOptions {
  /** Awaited between phases (each a few tens of ms), so a server keeps answering meanwhile. */
  pause?: () => Promise<void>;
  /**
   * The software data set (`@portbook/software`), handed in by whoever builds the snapshot
   * (core cannot import it); without it the snapshot knows no software and no bad ports.
   */
  software?: SoftwareDefaults | undefined;
  /**
   * `all` (the default): every index is built before the snapshot is returned, so a server
   * swaps in a snapshot that answers any request at once. `on-demand`: each index is built,
   * and each part of the rows read, the first time a question needs it: a command answering one
   * question builds only what that question reads. Both answer every question alike.
   */
  indexes?: 'all' | 'on-demand';
  /**
   * With `on-demand`: index the words `search` looks through before returning (the word index
   * is built asynchronously, so it cannot wait for a first search); without them `search` throws.
   */
  searchWords?: boolean;
}

/** Lets the event loop run other work (requests, health checks) before the next phase. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const publishedOrder = (a: SourceRow, b: SourceRow) =>
  a.published < b.published ? -1 : a.published > b.published ? 1 : a.id - b.id;

type Builders<T> = { [K in keyof T]-?: () => T[K] };

/** An object whose properties are each built the first time they are read, then kept. */
function onFirstUse<T extends object>(builders: Builders<T>): T {
  const target = {} as T;
  for (const key of Object.keys(builders) as (keyof T & string)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]();
        Object.defineProperty(target, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return target;
}

/** Builds `key` of an `onFirstUse` object now (unless built already as another's input). */
async function buildNow<T extends object, K extends keyof T & string>(
  target: T,
  key: K,
  build: () => T[K] | Promise<T[K]>,
): Promise<void> {
  if (!Object.getOwnPropertyDescriptor(target, key)?.get) return;
  const value = await build();
  Object.defineProperty(target, key, { value, enumerable: true });
}

function* textSteps(assignments: readonly AssignmentRow[]): BuildSteps<Map<AssignmentRow, string>> {
  const texts = new Map<AssignmentRow, string>();
  for (const [index, row] of assignments.entries()) {
    texts.set(row, recordText(row));
    if (index % 10_000 === 9_999) yield;
  }
  return texts;
}

/** The order a server builds the indexes in, each after a pause: the costliest ones last. */
const BUILD_ORDER = [
  'currentRows',
  'allByPort',
  'currentByPort',
  'current',
  'assignmentsById',
  'versions',
  'texts',
  'services',
  'changes',
  'software',
  'searchIndex',
] as const satisfies readonly (keyof SnapshotIndexes)[];

/** Indexes the rows into an immutable snapshot: phase by phase, or each index on first use. */
export async function buildRegistrySnapshot(
  rows: SnapshotRows,
  options: BuildOptions = {},
): Promise<RegistrySnapshot> {
  const pause = options.pause ?? yieldToEventLoop;
  const onDemand = options.indexes === 'on-demand';
  const sortedRows: Builders<SnapshotRows> = {
    version: () => rows.version,
    sources: () => [...rows.sources].sort(publishedOrder),
    assignments: () => [...rows.assignments].sort(ianaOrder),
    currentAssignments: () => x.currentRows,
    currentBlocks: () => rows.currentBlocks,
    changes: () => rows.changes,
    changeBlocks: () => rows.changeBlocks,
    changeYears: () => rows.changeYears,
    nameBuckets: () => rows.nameBuckets,
    nameLinks: () => rows.nameLinks,
    people: () => rows.people,
    person: () => rows.person,
    rangeClasses: () => rows.rangeClasses,
    lastSync: () => rows.lastSync,
  };
  const sorted = onFirstUse(sortedRows);
  const builders: Builders<SnapshotIndexes> = {
    rows: () => sorted,
    // The same rows in the same order either way: IANA's order is total (ids are unique).
    currentRows: () =>
      rows.currentAssignments
        ? [...rows.currentAssignments].sort(ianaOrder)
        : sorted.assignments.filter(isCurrent),
    registry: () => registryInfoOf(sorted.sources, sorted.assignments, rows.lastSync),
    allByPort: () => new PortBuckets(sorted.assignments),
    // Stored in blocks (the CLI's cache), the current records are read only where asked.
    currentByPort: () =>
      rows.currentBlocks ? currentInBlocks(rows.currentBlocks) : indexCurrent(x.currentRows),
    current: () =>
      rows.currentBlocks
        ? Occupancy.restore(rows.currentBlocks.occupancy())
        : new Occupancy(x.currentRows),
    assignmentsById: () => new Map(sorted.assignments.map((row) => [row.id, row])),
    versions: () => {
      const versions = new Map<number, AssignmentRow>();
      for (const row of sorted.assignments)
        if (!versions.has(row.versionId)) versions.set(row.versionId, row);
      return versions;
    },
    texts: () => runAtOnce(textSteps(sorted.assignments)),
    services: () => {
      const whole = () => ServiceIndex.of(sorted.assignments, sorted.nameLinks);
      // Stored by name (the CLI's cache), a name's records are read from its bucket alone.
      return rows.nameBuckets
        ? new BucketedServices(rows.nameBuckets, rows.nameLinks, whole)
        : whole();
    },
    // Built on demand, the feed builds each of its own indexes on first use too.
    changes: () => new ChangeFeed(() => sorted.changes, rows.changeBlocks, rows.changeYears),
    rangeClasses: () => new RangeClassIndex(sorted.rangeClasses),
    searchIndex: () => new SearchIndex(x.currentRows, x.services.names, x.software.software),
    software: () =>
      new SoftwareIndex(options.software ?? { software: [], browserBlocked: [] }, (port) =>
        x.currentByPort.at(port),
      ),
    sourcesById: () => new Map(sorted.sources.map((source) => [source.id, source])),
    peopleById: () =>
      rows.person
        ? { get: rows.person }
        : new Map(sorted.people.map((person) => [person.id, person])),
    wordsIndexed: () => !onDemand || options.searchWords === true,
  };
  const x = onFirstUse(builders);
  if (!onDemand) {
    // Up front, the indexes that take longest are built in steps, pausing between them.
    const inSteps: Partial<Record<keyof SnapshotIndexes, () => BuildSteps<unknown>>> = {
      texts: () => textSteps(sorted.assignments),
      services: () => ServiceIndex.steps(sorted.assignments, sorted.nameLinks),
      changes: () => ChangeFeed.steps(sorted.changes),
    };
    await buildNow(sorted, 'sources', sortedRows.sources);
    await buildNow(sorted, 'assignments', sortedRows.assignments);
    for (const key of BUILD_ORDER) {
      await pause();
      const steps = inSteps[key];
      const build = steps ? () => runPausing(steps(), pause) : builders[key];
      await buildNow(x, key, build as () => Promise<SnapshotIndexes[typeof key]>);
    }
    for (const key of Object.keys(builders) as (keyof SnapshotIndexes)[]) void x[key];
    // Every use's conflicts, which on demand are found port by port.
    void x.software.conflicts;
  }
  if (x.wordsIndexed) {
    await pause();
    await x.searchIndex.index(pause);
  }
  return new RegistrySnapshot(x);
}
