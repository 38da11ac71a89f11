import {
  CHANGE_KINDS,
  PROTOCOLS,
  RANGE_SCHEMES,
  type Reference,
  SOURCE_KINDS,
  STATUSES,
} from '@portbook/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  primaryKey,
  serial,
  snakeCase,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const table = snakeCase.table;

export const protocolEnum = pgEnum('protocol', PROTOCOLS);
export const statusEnum = pgEnum('status', STATUSES);
export const sourceKindEnum = pgEnum('source_kind', SOURCE_KINDS);
export const changeKindEnum = pgEnum('change_kind', CHANGE_KINDS);
export const rangeSchemeEnum = pgEnum('range_scheme', RANGE_SCHEMES);

/** Every imported document: a registry file of a given date, an Assigned Numbers RFC, an npm copy. */
export const sources = table(
  'sources',
  {
    id: serial().primaryKey(),
    kind: sourceKindEnum().notNull(),
    /** The registry edition the document states (`iana:2026-08-17`, `rfc:1700`). */
    edition: text().notNull(),
    title: text().notNull(),
    published: date({ mode: 'string' }).notNull(),
    origin: text().notNull(),
    sha256: text().notNull(),
    recordCount: integer().notNull(),
    /** The record fields this document states; history compares only fields both sides carry. */
    fields: text().array().notNull(),
    /** False when another document of the same edition stands for it in the timeline. */
    inTimeline: boolean().notNull().default(true),
    importedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sources_sha256_idx').on(t.sha256),
    index('sources_published_idx').on(t.published),
  ],
);

const recordColumns = () => ({
  serviceName: text(),
  portLow: integer(),
  portHigh: integer(),
  protocol: protocolEnum(),
  description: text(),
  assigneeId: text(),
  contactId: text(),
  /** As the registry writes them: `YYYY-MM-DD`, or `YYYY-MM` for 2,600 records dated by month. */
  registered: text(),
  modified: text(),
  references: jsonb().$type<Reference[]>().notNull().default([]),
  serviceCode: text(),
  unauthorizedUse: text(),
  notes: text(),
  status: statusEnum().notNull(),
});

/**
 * Each distinct content of a registry record, stored once however many documents state it.
 * Immutable: a record that changes gets a new version.
 */
export const recordVersions = table(
  'record_versions',
  {
    id: serial().primaryKey(),
    /** sha256 of the record's canonical form (see core `recordFingerprint`). */
    fingerprint: text().notNull(),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('record_versions_fingerprint_idx').on(t.fingerprint)],
);

/**
 * Which versions each source states, as runs: positions `position … position + length - 1` of
 * the source state versions `versionId … versionId + length - 1`. Versions get ids in document
 * order, so a release is a few hundred runs, not 15,000 rows (490 documents: ~100,000 rows, not 6.5 million).
 * The ground truth the timeline is rebuilt from.
 */
export const sourceRecords = table(
  'source_records',
  {
    sourceId: integer()
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    /** The first version of the run; the others follow it by id. */
    versionId: integer()
      .notNull()
      .references(() => recordVersions.id),
    /** Position of the run's first record in its document (0-based), to keep IANA's order. */
    position: integer().notNull(),
    /** Records in the run; rows stored before runs existed are runs of one. */
    length: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.position] }),
    index('source_records_version_idx').on(t.versionId),
  ],
);

/**
 * A version of a record over one unbroken period of the timeline: first and last source that
 * state it, and the dates it was valid (`validTo` null while current). Rebuilt from
 * `source_records` after every import, so import order never matters. Stored with fillfactor 50
 * (a custom migration): a new release updates the current runs in place.
 */
export const assignments = table(
  'assignments',
  {
    /** Deterministic (`<lineage>@<first source edition>`), stable across rebuilds. */
    id: text().primaryKey(),
    versionId: integer()
      .notNull()
      .references(() => recordVersions.id),
    /** Links versions of the same record across sources (see core history matching rules). */
    lineage: text().notNull(),
    ...recordColumns(),
    firstSourceId: integer()
      .notNull()
      .references(() => sources.id),
    lastSourceId: integer()
      .notNull()
      .references(() => sources.id),
    validFrom: date({ mode: 'string' }).notNull(),
    /** Publication date of the first source that no longer states it; null while current. */
    validTo: date({ mode: 'string' }),
    /** Position in the latest document that states it, to list records in IANA's order. */
    position: integer().notNull(),
  },
  (t) => [
    index('assignments_port_range_idx').using(
      'gist',
      sql`int4range(${t.portLow}, ${t.portHigh}, '[]')`,
    ),
    index('assignments_port_low_idx').on(t.portLow, t.portHigh),
    index('assignments_service_name_idx').on(sql`lower(${t.serviceName})`),
    index('assignments_lineage_idx').on(t.lineage),
    index('assignments_valid_idx').on(t.validTo, t.validFrom),
    index('assignments_text_idx').using(
      'gin',
      sql`to_tsvector('english', coalesce(${t.serviceName}, '') || ' ' || coalesce(${t.description}, '') || ' ' || coalesce(${t.notes}, ''))`,
    ),
  ],
);

/** What differs between consecutive sources of the timeline, per record, plus events read from notes. */
export const changes = table(
  'changes',
  {
    /** Deterministic, stable across rebuilds. */
    id: text().primaryKey(),
    sourceId: integer()
      .notNull()
      .references(() => sources.id),
    /** The timeline source before `sourceId`; null for the first document. */
    previousSourceId: integer().references(() => sources.id),
    kind: changeKindEnum().notNull(),
    lineage: text().notNull(),
    beforeVersionId: integer().references(() => recordVersions.id),
    afterVersionId: integer().references(() => recordVersions.id),
    /** Field-level before/after for `modified` and `renamed`. */
    fields: jsonb().$type<Record<string, { before: unknown; after: unknown }>>(),
    /** When it happened: the source's date, or the date a note states. */
    occurred: date({ mode: 'string' }).notNull(),
    /** `diff` for changes between documents, `note` for events read from IANA's notes. */
    origin: text().$type<'diff' | 'note'>().notNull(),
    /** The note text an event was read from. */
    evidence: text(),
    serviceName: text(),
    portLow: integer(),
    portHigh: integer(),
    protocol: protocolEnum(),
  },
  (t) => [
    index('changes_source_idx').on(t.sourceId),
    index('changes_occurred_idx').on(t.occurred),
    index('changes_port_idx').on(t.portLow, t.portHigh),
    index('changes_service_name_idx').on(sql`lower(${t.serviceName})`),
    index('changes_lineage_idx').on(t.lineage),
  ],
);

/** Old and new service names linked (renames and RFC 6335 replacements of ill-formed names). */
export const nameLinks = table(
  'name_links',
  {
    formerName: text().notNull(),
    laterName: text().notNull(),
    kind: text().$type<'renamed' | 'replacement'>().notNull(),
    sourceId: integer()
      .notNull()
      .references(() => sources.id),
  },
  (t) => [
    primaryKey({ columns: [t.formerName, t.laterName] }),
    index('name_links_later_idx').on(sql`lower(${t.laterName})`),
    index('name_links_former_idx').on(sql`lower(${t.formerName})`),
  ],
);

/**
 * The history rules (core `TIMELINE_RULES`) that built assignments, changes and name links: an
 * import extends the stored timeline only when the rules running are the ones that built it.
 */
export const timelineRules = table('timeline_rules', {
  version: integer().primaryKey(),
  builtAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** IANA's people registry, as the newest source that lists each person states it. */
export const people = table('people', {
  id: text().primaryKey(),
  name: text(),
  org: text(),
  uri: text(),
  /** `YYYY-MM-DD` or `YYYY-MM`, as the registry writes it. */
  updated: text(),
  sourceId: integer()
    .notNull()
    .references(() => sources.id),
});

/** Named port ranges (IANA classes through history, and OS ephemeral ranges) with their documents. */
export const rangeClasses = table(
  'range_classes',
  {
    /** Slug, e.g. `rfc6335-system`. */
    id: text().primaryKey(),
    scheme: rangeSchemeEnum().notNull(),
    name: text().notNull(),
    low: integer().notNull(),
    high: integer().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    /** Exclusive; null while in force. */
    validTo: date({ mode: 'string' }),
    definedBy: text().notNull(),
    definedByUrl: text().notNull(),
    quotation: text().notNull(),
    note: text(),
  },
  (t) => [index('range_classes_bounds_idx').on(t.low, t.high)],
);

/** Every `portbook sync`/`import` run, for `registry { lastSync }` and operators. */
export const syncRuns = table('sync_runs', {
  id: serial().primaryKey(),
  startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true, mode: 'date' }),
  /** Where the documents came from: `mirror`, `network`, `npm`, `file`. */
  via: text().notNull(),
  status: text().$type<'running' | 'succeeded' | 'failed'>().notNull(),
  sourcesImported: integer().notNull().default(0),
  message: text(),
});

export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type RecordVersion = typeof recordVersions.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Change = typeof changes.$inferSelect;
export type NameLink = typeof nameLinks.$inferSelect;
export type TimelineRules = typeof timelineRules.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type RangeClass = typeof rangeClasses.$inferSelect;
export type SyncRun = typeof syncRuns.$inferSelect;
