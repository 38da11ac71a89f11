import type { FieldChange } from '../history/types.ts';
import type {
  ChangeKind,
  Protocol,
  RangeClassDefinition,
  Reference,
  SourceKind,
  Status,
} from '../model.ts';
import type { OccupancyState } from './occupancy.ts';
import type { NameBuckets } from './service-index.ts';

/**
 * The rows a snapshot is built from, shaped as the database stores them (db's drizzle row types
 * satisfy these), so core reads the registry without importing a database.
 */
export interface AssignmentRow {
  id: string;
  versionId: number;
  lineage: string;
  serviceName: string | null;
  portLow: number | null;
  portHigh: number | null;
  protocol: Protocol | null;
  description: string | null;
  assigneeId: string | null;
  contactId: string | null;
  registered: string | null;
  modified: string | null;
  references: Reference[];
  serviceCode: string | null;
  unauthorizedUse: string | null;
  notes: string | null;
  status: Status;
  firstSourceId: number;
  lastSourceId: number;
  validFrom: string;
  /** Exclusive; null while current. */
  validTo: string | null;
  position: number;
}

export interface ChangeRow {
  id: string;
  sourceId: number;
  previousSourceId: number | null;
  kind: ChangeKind;
  lineage: string;
  beforeVersionId: number | null;
  afterVersionId: number | null;
  fields: Record<string, FieldChange> | null;
  occurred: string;
  origin: 'diff' | 'note';
  evidence: string | null;
  serviceName: string | null;
  portLow: number | null;
  portHigh: number | null;
  protocol: Protocol | null;
}

export interface NameLinkRow {
  formerName: string;
  laterName: string;
  kind: 'renamed' | 'replacement';
  sourceId: number;
}

export interface PersonRecordRow {
  id: string;
  name: string | null;
  org: string | null;
  uri: string | null;
  updated: string | null;
  sourceId: number;
}

export interface SourceRow {
  id: number;
  kind: SourceKind;
  edition: string;
  title: string;
  published: string;
  origin: string;
  sha256: string;
  recordCount: number;
  fields: string[];
  inTimeline: boolean;
  importedAt: Date;
}

export interface SyncRunRow {
  id: number;
  startedAt: Date;
  finishedAt: Date | null;
  via: string;
  status: 'running' | 'succeeded' | 'failed';
  sourcesImported: number;
  message: string | null;
}

/** Rows by blocks of ports, as a cache stores them (see `SnapshotRows.currentBlocks`). */
export interface PortBlocks<Row> {
  /** Ports per block: block `b` holds ports `b * size` to `(b + 1) * size - 1`. */
  readonly size: number;
  /** The rows whose ports meet block `index`, in the order the snapshot keeps them. */
  block(index: number): readonly Row[];
}

/** Rows by the year they occurred in, as a cache stores them (see `SnapshotRows.changeYears`). */
export interface YearBlocks<Row> {
  /** The first and the last year holding rows. */
  readonly first: number;
  readonly last: number;
  /** The rows of `year` (none outside `first`-`last`), in the order the snapshot keeps them. */
  year(year: number): readonly Row[];
}

/** Current records by blocks of ports (their range; IANA's order), and today's port space. */
export interface CurrentBlocks extends PortBlocks<AssignmentRow> {
  /** Today's port space, as `Occupancy.state()` gave it for the current records. */
  occupancy(): OccupancyState;
}

/** Everything a snapshot holds, as read in one go from the system of record. */
export interface SnapshotRows {
  /** Changes whenever an import lands (see db `registryVersion`): names the snapshot. */
  version: string;
  sources: readonly SourceRow[];
  assignments: readonly AssignmentRow[];
  /**
   * The current ones of `assignments` (`isCurrent`; the same objects), when whoever read the
   * rows holds them apart: a snapshot built on demand then reads `assignments` only for
   * questions about the past (`assignments` may be read lazily, as the CLI's cache does).
   */
  currentAssignments?: readonly AssignmentRow[];
  /**
   * The same current records a block of ports at a time, and today's port space, when whoever
   * read the rows stores them so (the CLI's cache, which reads each part only when asked): a
   * snapshot built on demand then answers about a port or a range from the blocks it meets,
   * without reading every current record.
   */
  currentBlocks?: CurrentBlocks;
  changes: readonly ChangeRow[];
  /**
   * The same changes by blocks of ports (`changeSpans`: the record's range, and the one it moved
   * from; oldest first), when a cache stores them so: a port's history reads its block alone.
   */
  changeBlocks?: PortBlocks<ChangeRow>;
  /**
   * The same changes by the year they occurred in (oldest first), when a cache stores them so:
   * the changes between two dates read those years alone.
   */
  changeYears?: YearBlocks<ChangeRow>;
  /**
   * The same records (current and past) by buckets of service names, when a cache stores them
   * so: a question about a name then reads its bucket alone (see `NameBuckets`).
   */
  nameBuckets?: NameBuckets;
  nameLinks: readonly NameLinkRow[];
  people: readonly PersonRecordRow[];
  /**
   * One of `people` by id (the same object), when whoever read the rows stores them by id (the
   * CLI's cache): a record's assignee is then found without reading everyone.
   */
  person?: (id: string) => PersonRecordRow | undefined;
  rangeClasses: readonly RangeClassDefinition[];
  lastSync?: SyncRunRow | undefined;
}
