import { type PortEvent, portEvents } from '../history/port-timeline.ts';
import type { TimelineChange } from '../history/types.ts';
import { PORT_MAX, type PortRange, type Protocol, type RangeClassDefinition } from '../model.ts';
import { browserBlockedSince } from '../software/browser-blocked.ts';
import type { SoftwareConflict } from '../software/conflicts.ts';
import type { BrowserBlockedRow, CommonUse, SoftwareRow } from '../software/model.ts';
import type { SoftwareIndex } from '../software/software-index.ts';
import { SOCKET_STATEMENTS, type SocketStatement } from '../sources/rfc/socket-statements.ts';
import { AssignedPorts } from './assigned-ports.ts';
import { type AssignmentFilter, assignmentPredicate, recordText } from './assignment-filter.ts';
import type { ChangeCursor, ChangeFeed, ChangeFilter } from './change-feed.ts';
import type { CurrentByPort } from './current-by-port.ts';
import { Memo } from './memo.ts';
import { Occupancy, type PortSkip } from './occupancy.ts';
import type { PortBuckets } from './port-buckets.ts';
import { portStatus } from './port-status.ts';
import type { PortView } from './port-view.ts';
import type { RangeClassIndex } from './range-class-index.ts';
import type { RegistryInfo } from './registry-info.ts';
import { RegistrySize } from './registry-size.ts';
import type {
  AssignmentRow,
  ChangeRow,
  NameLinkRow,
  PersonRecordRow,
  SnapshotRows,
  SourceRow,
} from './rows.ts';
import type { SearchHit, SearchIndex } from './search.ts';
import type { ServiceLookup, ServiceView } from './service-index.ts';
import { todayDate, validOn } from './validity.ts';

/** Before the first document: no port is assigned. */
const NONE_ASSIGNED = new AssignedPorts([]);

/** The indexes a snapshot answers from, built by `buildRegistrySnapshot`. */
export interface SnapshotIndexes {
  rows: SnapshotRows;
  /** The current records (`isCurrent`), in IANA's order. */
  currentRows: readonly AssignmentRow[];
  registry: RegistryInfo;
  /** Every assignment, by port (IANA's order), and the current ones alone. */
  allByPort: PortBuckets<AssignmentRow>;
  currentByPort: CurrentByPort;
  current: Occupancy;
  assignmentsById: Map<string, AssignmentRow>;
  versions: Map<number, AssignmentRow>;
  texts: Map<AssignmentRow, string>;
  services: ServiceLookup;
  changes: ChangeFeed;
  rangeClasses: RangeClassIndex;
  searchIndex: SearchIndex;
  /** Whether `searchIndex` has indexed the words of the records (see `BuildOptions.searchWords`). */
  wordsIndexed: boolean;
  software: SoftwareIndex;
  sourcesById: Map<number, SourceRow>;
  peopleById: Pick<Map<string, PersonRecordRow>, 'get'>;
}

/**
 * The registry and its whole history, immutable and indexed in memory: every read the API and
 * the site make is answered here, each rule written once. `at` is a `YYYY-MM-DD` date;
 * undefined means the current registry.
 */
export class RegistrySnapshot {
  readonly #x: SnapshotIndexes;
  readonly #occupancy = new Memo<Occupancy>(16);
  readonly #ports = new Memo<Uint32Array>(32);
  readonly #matching = new Memo<AssignmentRow[]>(32);
  readonly #names = new Memo<string[]>(32);
  /** One per boundary date (8 KiB each: a few MiB for the full history), built on first use. */
  #assigned: Map<string, AssignedPorts> | undefined;
  /** Every date a record starts or stops being valid on, ascending (sorted on first use). */
  #boundaries: string[] | undefined;
  #assignedSize: RegistrySize | undefined;

  constructor(indexes: SnapshotIndexes) {
    this.#x = indexes;
  }

  /** The registry version the snapshot was read at (see db `registryVersion`). */
  get version(): string {
    return this.#x.rows.version;
  }

  /**
   * What every answer depends on: the registry version and the software data set's. ETags and
   * response caches key on it, so new software data (a deploy) is never answered by a 304.
   */
  get answersVersion(): string {
    const software = this.#x.software.version;
    return software === undefined ? this.version : `${this.version}+software.${software}`;
  }

  get registry(): RegistryInfo {
    return this.#x.registry;
  }

  // Records and ports

  assignment(id: string): AssignmentRow | undefined {
    return this.#x.assignmentsById.get(id);
  }

  /** A record version's content (every version the timeline holds is some assignment's). */
  recordVersion(id: number): AssignmentRow | undefined {
    return this.#x.versions.get(id);
  }

  /** Records whose port or range contains `port` (6010 finds x11 6000-6063), in IANA's order. */
  assignmentsAt(
    port: number,
    options: { at?: string | undefined; protocol?: Protocol | undefined } = {},
  ) {
    const { at, protocol } = options;
    const rows =
      at === undefined
        ? this.#x.currentByPort.at(port)
        : this.#x.allByPort.at(port).filter((row) => validOn(row, at));
    return protocol ? rows.filter((row) => row.protocol === protocol) : rows;
  }

  /** Every version of every record whose port or range contains `port`, through history, in IANA's order. */
  allAssignmentsAt(port: number): AssignmentRow[] {
    return this.#x.allByPort.at(port);
  }

  /** The port space on `at`: statuses, claims and neighbours (built once per stretch of days). */
  occupancy(at?: string): Occupancy {
    if (at === undefined) return this.#x.current;
    const stretch = this.#stretchOf(at);
    return this.#occupancy.get(
      stretch,
      () => new Occupancy(this.#x.rows.assignments.filter((row) => validOn(row, stretch))),
    );
  }

  /**
   * The first day of the stretch of days `at` falls in: records start and stop being valid
   * only on the dates bounding the stretches, so every day of one sees the same records.
   */
  #stretchOf(at: string): string {
    this.#boundaries ??= [
      ...new Set(
        this.#x.rows.assignments.flatMap((row) =>
          row.validTo === null ? [row.validFrom] : [row.validFrom, row.validTo],
        ),
      ),
    ].sort();
    const boundaries = this.#boundaries;
    let low = 0;
    let high = boundaries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((boundaries[middle] as string) <= at) low = middle + 1;
      else high = middle;
    }
    // Before the first boundary no record is valid yet: '' sees none either.
    return boundaries[low - 1] ?? '';
  }

  /**
   * A port's status on `at`, from the records containing it: on a past date this reads a
   * handful of records instead of building the port space of that date (about 10 ms).
   */
  portStatus(port: number, at?: string) {
    if (at === undefined) return this.#x.current.status(port);
    return portStatus(this.assignmentsAt(port, { at }));
  }

  /** The nearest lower port an assigned record covers on `at`; null when there is none. */
  previousAssigned(port: number, at?: string): number | null {
    if (at === undefined) return this.#x.current.previousAssigned(port);
    return this.#assignedPorts(at).previous(port);
  }

  /** The nearest higher port an assigned record covers on `at`; null when there is none. */
  nextAssigned(port: number, at?: string): number | null {
    if (at === undefined) return this.#x.current.nextAssigned(port);
    return this.#assignedPorts(at).next(port);
  }

  /** The assigned ports of the stretch `at` falls in (every stretch's is built at once). */
  #assignedPorts(at: string): AssignedPorts {
    const stretch = this.#stretchOf(at);
    this.#assigned ??= AssignedPorts.through(this.#x.rows.assignments, this.#boundaries ?? []);
    return this.#assigned.get(stretch) ?? NONE_ASSIGNED;
  }

  /**
   * Free blocks in `within` on `at`: runs of ports no record claims (`claimsPort`); with `web`,
   * ports browsers refuse on that day break runs too.
   */
  freeBlocks(
    within: PortRange,
    options: {
      minLength?: number;
      protocols?: readonly Protocol[] | undefined;
      at?: string | undefined;
      web?: boolean | undefined;
    } = {},
  ): PortRange[] {
    return this.occupancy(options.at).freeBlocks(
      within,
      options.minLength ?? 1,
      options.protocols,
      this.#webSkip(options),
    );
  }

  /** The free port closest to `port` on `at` (itself when free); `web` skips ports browsers refuse. */
  nearestFree(
    port: number,
    options: {
      protocols?: readonly Protocol[] | undefined;
      at?: string | undefined;
      web?: boolean | undefined;
    } = {},
  ): number | null {
    return this.occupancy(options.at).nearestFree(port, options.protocols, this.#webSkip(options));
  }

  #webSkip(options: { at?: string | undefined; web?: boolean | undefined }): PortSkip | undefined {
    if (!options.web) return undefined;
    return (port) => this.isBrowserBlocked(port, options.at);
  }

  /** Everything a port's page shows, from this snapshot. */
  port(number: number, at?: string): PortView {
    const occupancy = this.occupancy(at);
    const date = at ?? todayDate();
    const rangeClass = this.#x.rangeClasses.classOf(number, date);
    // Read on first use: the change feed behind it is the costliest index to build.
    const historyOf = () => this.portHistory(number);
    let history: PortEvent[] | undefined;
    return {
      number,
      at,
      status: occupancy.status(number),
      rangeClass,
      ephemeralRanges: this.#x.rangeClasses.ephemeralAt(at, number),
      assignments: this.assignmentsAt(number, { at }),
      previousAssigned: occupancy.previousAssigned(number),
      nextAssigned: occupancy.nextAssigned(number),
      nearestFree: occupancy.nearestFree(number),
      freeBlock: occupancy.freeBlockAround(number, rangeClass ?? { low: 0, high: PORT_MAX }),
      get history() {
        history ??= historyOf();
        return history;
      },
      socketStatements: this.socketStatements(number, at),
      commonUses: this.commonUses(number),
      conflicts: at === undefined ? this.conflictsAt(number) : [],
      browserBlockedSince: this.browserBlockedSince(number, at),
    };
  }

  /**
   * What RFC 204 (1971) and RFC 322 (1972) said of the socket in prose, before RFC 349's list
   * (1972) assigned sockets: the statements made by `at` (all of them without `at`).
   */
  socketStatements(port: number, at?: string): readonly SocketStatement[] {
    return SOCKET_STATEMENTS.filter((s) => s.socket === port && (at === undefined || s.date <= at));
  }

  /** Records matching the filter (every era for `at`), in the order they were loaded. */
  assignmentsMatching(filter: AssignmentFilter): readonly AssignmentRow[] {
    return this.#matching.get(JSON.stringify(filter), () => {
      const matches = assignmentPredicate(
        filter,
        () => this.#x.rows.people,
        (row) => this.#x.texts.get(row) ?? recordText(row),
      );
      // Without a date only current records can match: the current ones alone are read, and
      // with a range only those around it.
      const rows =
        filter.at !== undefined
          ? this.#x.rows.assignments
          : filter.within
            ? this.#x.currentByPort.around(filter.within)
            : this.#x.currentRows;
      return rows.filter(matches);
    });
  }

  /** Every port a matching record covers (ranges expanded), clipped to `within`, ascending. */
  portsMatching(filter: AssignmentFilter): Uint32Array {
    return this.#ports.get(JSON.stringify(filter), () => {
      const covered = new Uint8Array(PORT_MAX + 1);
      const low = filter.within?.low ?? 0;
      const high = filter.within?.high ?? PORT_MAX;
      let count = 0;
      for (const row of this.assignmentsMatching(filter)) {
        if (row.portLow === null || row.portHigh === null) continue;
        for (let port = Math.max(low, row.portLow); port <= Math.min(high, row.portHigh); port++) {
          if (!covered[port]) count++;
          covered[port] = 1;
        }
      }
      const ports = new Uint32Array(count);
      for (let port = 0, next = 0; port <= PORT_MAX; port++)
        if (covered[port]) ports[next++] = port;
      return ports;
    });
  }

  /** Named records with a port matching the filter, by port then protocol: an /etc/services. */
  namedAssignments(filter: AssignmentFilter): AssignmentRow[] {
    return this.assignmentsMatching(filter)
      .filter((row) => row.serviceName !== null && row.portLow !== null)
      .sort(
        (a, b) =>
          (a.portLow ?? 0) - (b.portLow ?? 0) ||
          (a.protocol ?? '').localeCompare(b.protocol ?? '') ||
          a.position - b.position,
      );
  }

  // Services

  /** A service by name in any case, or via a former or later name; undefined if none. */
  service(name: string): ServiceView | undefined {
    return this.#x.services.service(name);
  }

  serviceRecords(name: string): readonly AssignmentRow[] {
    return this.#x.services.records(name);
  }

  nameLinks(name: string): readonly NameLinkRow[] {
    return this.#x.services.links(name);
  }

  /** Distinct service names of the records matching the filter, by name in lower case. */
  serviceNames(filter: AssignmentFilter): readonly string[] {
    return this.#names.get(JSON.stringify(filter), () =>
      this.#x.services.namesOf(this.assignmentsMatching(filter)),
    );
  }

  /** Every service name ever registered. */
  get allServiceNames(): readonly string[] {
    return this.#x.services.names;
  }

  /** Every service: each name ever registered, and each known only from a rename, by name. */
  services(): ServiceView[] {
    return this.#x.services.all();
  }

  // Changes and history

  change(id: string): ChangeRow | undefined {
    return this.#x.changes.byId(id);
  }

  /** The change feed, newest first, after `after` when given. */
  changes(filter: ChangeFilter = {}, after?: ChangeCursor): ChangeRow[] {
    return this.#x.changes.list(filter, after);
  }

  /** How many assigned records the registry held on each date (`validOn`'s rule), in the dates' order. */
  assignedRecordCounts(dates: readonly string[]): number[] {
    this.#assignedSize ??= new RegistrySize(this.#x.rows.assignments, 'assigned');
    const size = this.#assignedSize;
    return dates.map((date) => size.on(date));
  }

  /** The changes a document shows (against the one before it), oldest first, then by port. */
  sourceChanges(sourceId: number): readonly ChangeRow[] {
    return this.#x.changes.ofSource(sourceId);
  }

  /** Change rows of every record containing `port`, oldest first. */
  portChanges(port: number): ChangeRow[] {
    return this.#x.changes.atPort(port);
  }

  /** A port's history as core's `portEvents` orders and merges it (what the site shows). */
  portHistory(port: number): PortEvent[] {
    return portEvents(this.portChanges(port) as TimelineChange[], this.#x.rows.sources);
  }

  // Range classes

  rangeClass(id: string): RangeClassDefinition | undefined {
    return this.#x.rangeClasses.byId(id);
  }

  /** IANA's classes in force on `date`, by port; every class through history without one. */
  rangeClasses(date?: string): readonly RangeClassDefinition[] {
    return date === undefined ? this.#x.rangeClasses.iana : this.#x.rangeClasses.classesAt(date);
  }

  /** The IANA class of `port` on `date` (default today). */
  rangeClassOf(port: number, date: string = todayDate()): RangeClassDefinition | undefined {
    return this.#x.rangeClasses.classOf(port, date);
  }

  /** Ephemeral ranges in force on `date` (all without), holding `port` when given. */
  ephemeralRanges(date?: string, port?: number): RangeClassDefinition[] {
    return this.#x.rangeClasses.ephemeralAt(date, port);
  }

  // Software defaults and the ports browsers refuse

  /** Software whose default port or range contains `port` (6010 finds sshd's display :10). */
  commonUses(port: number): readonly CommonUse[] {
    return this.#x.software.usesAt(port);
  }

  /** Software whose default port or range overlaps `within`, by program id. */
  commonUsesIn(within: PortRange): readonly CommonUse[] {
    return this.#x.software.usesIn(within);
  }

  /** Every use of every program, by program id. */
  get allCommonUses(): readonly CommonUse[] {
    return this.#x.software.uses;
  }

  /** A program by its slug (`kubernetes`). */
  softwareById(id: string): SoftwareRow | undefined {
    return this.#x.software.byId(id);
  }

  /** A program by its name in any case (`kubernetes` finds Kubernetes). */
  softwareByName(name: string): SoftwareRow | undefined {
    return this.#x.software.byName(name);
  }

  /**
   * Programs called `query`: the one whose id or name it is (any case); failing that, those
   * search finds by name (a prefix, a word of the name, a typo), best first.
   */
  softwareNamed(query: string): SoftwareRow[] {
    const hits = this.#x.searchIndex.software(query);
    const exact = hits.filter((hit) => hit.reason === 'name');
    return (exact.length > 0 ? exact : hits).flatMap((hit) => {
      const software = this.softwareById(hit.softwareId);
      return software ? [software] : [];
    });
  }

  /** Every program of the data set, by id. */
  get allSoftware(): readonly SoftwareRow[] {
    return this.#x.software.software;
  }

  /**
   * Single-port defaults on a port IANA assigns today to another service (Kubernetes on 6443,
   * `sun-sr-https`), by port then program id: the rule is `conflictOf`.
   */
  get softwareConflicts(): readonly SoftwareConflict[] {
    return this.#x.software.conflicts;
  }

  conflictsAt(port: number): readonly SoftwareConflict[] {
    return this.#x.software.conflictsAt(port);
  }

  /** The bad port list's entry for `port`, whatever the date; undefined when never refused. */
  browserBlocked(port: number): BrowserBlockedRow | undefined {
    return this.#x.software.browserBlocked.entry(port);
  }

  /** The bad port list's entries browsers refuse on `at` (default: today), by port. */
  browserBlockedPorts(at?: string): BrowserBlockedRow[] {
    const date = at ?? todayDate();
    return this.#x.software.browserBlocked.entries.filter(
      (entry) => browserBlockedSince(entry) <= date,
    );
  }

  /** Whether browsers refuse HTTP(S) to `port` on `at` (default: today). */
  isBrowserBlocked(port: number, at?: string): boolean {
    return this.#x.software.browserBlocked.isBlocked(port, at ?? todayDate());
  }

  /** The first day browsers refused `port`, if they did by `at` (default: today). */
  browserBlockedSince(port: number, at?: string): string | undefined {
    const entry = this.browserBlocked(port);
    if (!entry) return undefined;
    const since = browserBlockedSince(entry);
    return since <= (at ?? todayDate()) ? since : undefined;
  }

  // Sources, people, search

  /** Every imported document, oldest first. */
  get sources(): readonly SourceRow[] {
    return this.#x.rows.sources;
  }

  source(id: number): SourceRow | undefined {
    return this.#x.sourcesById.get(id);
  }

  person(id: string): PersonRecordRow | undefined {
    return this.#x.peopleById.get(id);
  }

  search(query: string, limit?: number): SearchHit[] {
    if (!this.#x.wordsIndexed) {
      throw new Error('search needs the word index: build the snapshot with `searchWords: true`');
    }
    return this.#x.searchIndex.search(query, limit);
  }
}
