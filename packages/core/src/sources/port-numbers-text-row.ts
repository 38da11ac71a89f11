import { PORT_MAX, type PortRange, type Protocol, type Reference } from '../model.ts';
import type { RecordDraft } from './port-numbers-text-record.ts';
import { splitTrailingTags, type Tag } from './port-numbers-text-tags.ts';
import { parsePortRange, parseProtocol } from './registry-values.ts';

/** Where a table's header puts its columns; a row's keyword and port start left of them. */
export interface TableColumns {
  /** Column of the port header (`Decimal`, `Port/Protocol`): a keyword starts before it. */
  port: number;
  /** Column of `Description`: text starting here or later continues the row above. */
  description: number;
}

export interface ServiceRow {
  draft: RecordDraft;
  tags: Tag[];
}

/** A row whose port range is written backwards (`8474-8449`): read as a row, filed as no record. */
export interface SkippedRow {
  skipped: string;
}

// keyword  port[-high][/proto]  description, optionally commented out with `#`.
const ROW = /^(#?)(\s*)(?:([^\s#]\S*)(\s+))?(\d+(?:-\d+)?)(?:\/([A-Za-z]+))?(?=\s|$)\s*(.*)$/;
// Typos in the sources: `3771/tdp` beside 3771/udp and `4426/upd` beside 4426/tcp (IANA 2004–2005);
// RFC 1340's `NSWS 3049/ddddp` names no protocol that can be read, so it keeps none.
// (The 2006-11-13 edition's `4740/stcp` is read as sctp by `parseProtocol`, for every format.)
const PROTOCOL_TYPOS: Record<string, Protocol | null> = {
  tdp: 'tcp',
  upd: 'udp',
  ddddp: null,
};
// RFC 4340 writes a DCCP service code as four characters (`SC:DISC`); the registry XML as its 32-bit number.
const SERVICE_CODE = /\s*\bSC:([\x21-\x7e]{4})$/;

/**
 * Reads `tcpmux  1/tcp  TCP Port Service Multiplexer`, `#  4/tcp  Unassigned` or
 * `x11  6000-6063/tcp  X Window System`; undefined when the line is not a row.
 */
export function readServiceRow(
  text: string,
  columns: TableColumns,
  location: string,
): ServiceRow | SkippedRow | undefined {
  const match = ROW.exec(text);
  if (!match) return undefined;
  const [, hash = '', lead = '', keyword, gap = '', port = '', protocol, rest = ''] = match;
  const keywordColumn = hash.length + lead.length;
  const portColumn = keywordColumn + (keyword === undefined ? 0 : keyword.length + gap.length);
  // Text from the description column on continues the row above (`uses variant of Xerox NS routing`).
  if (keyword === undefined ? portColumn >= columns.description : keywordColumn >= columns.port) {
    return undefined;
  }
  const serviceName = keyword === undefined || keyword === '*' ? null : keyword;
  const { text: described, tags } = splitTrailingTags(rest.trim());
  const serviceCode = SERVICE_CODE.exec(described);
  const description = (serviceCode ? described.slice(0, serviceCode.index) : described).trim();
  // A bare number on a line of its own (2006: `32483`) is a stray; commented out (`#  8805-8879`) it is a gap.
  if (!hash && serviceName === null && protocol === undefined && description === '')
    return undefined;
  const portRange = readPortRange(port, location);
  if (portRange === undefined) return { skipped: `port range ${port} is written backwards` };
  return {
    draft: {
      serviceName,
      portRange,
      protocol: protocol === undefined ? null : readProtocol(protocol, location),
      description: description === '' ? null : description,
      serviceCode: serviceCode?.[1] ? serviceCodeNumber(serviceCode[1]) : null,
      commented: hash === '#',
    },
    tags,
  };
}

/** Out-of-range ports are errors; a reversed range is a slip of the source, reported by the caller. */
export function readPortRange(text: string, location: string): PortRange | undefined {
  const [low, high] = text.split('-').map(Number);
  if (high !== undefined && low !== undefined && high < low && high <= PORT_MAX) return undefined;
  return parsePortRange(text, location);
}

function readProtocol(text: string, location: string): Protocol | null {
  const typo = PROTOCOL_TYPOS[text.toLowerCase()];
  return typo === undefined ? parseProtocol(text, location) : typo;
}

function serviceCodeNumber(code: string): string {
  let value = 0;
  for (const char of code) value = value * 256 + char.charCodeAt(0);
  return String(value);
}

export function withReferences(draft: RecordDraft, references: readonly Reference[]): void {
  if (references.length > 0) draft.references = [...(draft.references ?? []), ...references];
}
