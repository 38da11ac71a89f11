import type { ChangeKind, Protocol, RecordField, RegistryRecord, SourceKind } from '../model.ts';

/** A stored source as the timeline sees it. */
export interface TimelineSource {
  id: number;
  kind: SourceKind;
  edition: string;
  published: string;
  fields: readonly RecordField[];
}

/** One record as one source states it; `versionId` identifies its content (same content, same id). */
export interface TimelineEntry {
  sourceId: number;
  position: number;
  versionId: number;
  record: RegistryRecord;
}

/** One source's records in document order, as parallel lists: 490 documents hold 6.5 million. */
export interface TimelineDocument {
  sourceId: number;
  records: readonly RegistryRecord[];
  /** The version of each record (same content, same id). */
  versionIds: ArrayLike<number>;
  /** The position of each record in its document. */
  positions: ArrayLike<number>;
}

/** A version of a record over one unbroken run of timeline sources. */
export interface TimelineAssignment {
  /** Deterministic: `<lineage>@<edition of its first source>` (a lineage fixes the content of each run). */
  id: string;
  versionId: number;
  lineage: string;
  firstSourceId: number;
  lastSourceId: number;
  validFrom: string;
  /** Published date of the first timeline source that no longer states it; null while current. */
  validTo: string | null;
  position: number;
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface TimelineChange {
  /** Deterministic, stable across rebuilds. */
  id: string;
  sourceId: number;
  previousSourceId: number | null;
  kind: ChangeKind;
  lineage: string;
  beforeVersionId: number | null;
  afterVersionId: number | null;
  fields: Partial<Record<RecordField, FieldChange>> | null;
  occurred: string;
  origin: 'diff' | 'note';
  evidence: string | null;
  serviceName: string | null;
  portLow: number | null;
  portHigh: number | null;
  protocol: Protocol | null;
}

export interface TimelineNameLink {
  formerName: string;
  laterName: string;
  kind: 'renamed' | 'replacement';
  sourceId: number;
}

export interface Timeline {
  /** The sources that stand in the timeline, in date order (one per edition). */
  sourceIds: number[];
  assignments: TimelineAssignment[];
  changes: TimelineChange[];
  nameLinks: TimelineNameLink[];
}
