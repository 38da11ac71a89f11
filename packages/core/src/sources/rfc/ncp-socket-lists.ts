import { PortbookError } from '../../errors.ts';
import type { RecordField, Reference, RegistryRecord, SourceDocument } from '../../model.ts';
import { decodeLegacyText, type TextLine, toTextLines } from '../port-numbers-text-lines.ts';
import { sha256Hex } from '../source-bytes.ts';
import type { SourceFormat } from '../source-format.ts';
import { rfcNumberOf } from './editions.ts';
import { stripPageBreaks } from './pages.ts';

/** The NCP-era socket lists (before TCP): the numbering RFC 739 continues in 1977. */
export interface NcpSocketList {
  number: number;
  title: string;
  /** The date the RFC's header gives. */
  published: string;
}

const LISTS: readonly NcpSocketList[] = [
  { number: 349, title: 'Proposed Standard Socket Numbers', published: '1972-05-30' },
  { number: 433, title: 'Socket Number List', published: '1972-12-22' },
  { number: 503, title: 'Socket Number List', published: '1973-04-13' },
];

export const NCP_SOCKET_LIST_RFC_NUMBERS: readonly number[] = LISTS.map(({ number }) => number);

/** `Socket   Assignment` opens a table of particular sockets (`Sockets` the General Assignments). */
const TABLE_HEADER = /^\s*Socket\s+Assignment\s*$/;
const ROW = /^\s*(\d{1,3})(?:\s+(\S.*?))?\s*$/;
const SPECIFICATIONS = /documents listed here:\s*$/;
const SPECIFICATION_ROW = /^\s*(\S.*?)\s{2,}(\S.*?)\s*$/;
const FIELDS: readonly RecordField[] = ['portRange', 'description', 'references', 'notes'];
const NO_FUNCTION_NOTE = 'Listed with no function';

interface SocketRow {
  socket: number;
  assignment: string | null;
}

/** The rows of every `Socket  Assignment` table; a table ends at its first line of prose. */
function socketRows(lines: readonly TextLine[]): SocketRow[] {
  const rows: SocketRow[] = [];
  let inTable = false;
  for (const { text } of lines) {
    if (TABLE_HEADER.test(text)) inTable = true;
    else if (!inTable || text.trim() === '') continue;
    else {
      const row = ROW.exec(text);
      if (!row) inTable = false;
      else rows.push({ socket: Number(row[1]), assignment: row[2] ?? null });
    }
  }
  return rows;
}

/** RFC 433 and 503's list of where each function is specified (`Telnet   RFC 318`). */
function specifications(lines: readonly TextLine[]): Map<string, Reference> {
  const found = new Map<string, Reference>();
  const start = lines.findIndex(({ text }) => SPECIFICATIONS.test(text));
  if (start === -1) return found;
  for (const { text } of lines.slice(start + 1)) {
    if (text.trim() === '') {
      if (found.size > 0) break;
      continue;
    }
    const row = SPECIFICATION_ROW.exec(text);
    if (!row) break;
    const [, name, where] = row as unknown as [string, string, string];
    const rfc = /^RFC (\d+)$/.exec(where);
    found.set(
      name.toLowerCase(),
      rfc ? { type: 'rfc', data: `rfc${rfc[1]}` } : { type: 'text', data: where },
    );
  }
  return found;
}

function referencesOf(assignment: string, specified: Map<string, Reference>): Reference[] {
  const lower = assignment.toLowerCase();
  const match = [...specified.entries()].find(([name]) => lower.startsWith(name));
  return match ? [match[1]] : [];
}

function toRecord(row: SocketRow, specified: Map<string, Reference>): RegistryRecord {
  return {
    serviceName: null,
    portRange: { low: row.socket, high: row.socket },
    // NCP sockets belong to no transport protocol: a record without protocol speaks for all.
    protocol: null,
    description: row.assignment,
    assignee: null,
    contact: null,
    registered: null,
    modified: null,
    references: row.assignment ? referencesOf(row.assignment, specified) : [],
    serviceCode: null,
    unauthorizedUse: null,
    notes: row.assignment ? null : NO_FUNCTION_NOTE,
    status: row.assignment ? 'assigned' : 'reserved',
  };
}

function listOf(text: string, origin: string): NcpSocketList {
  const number = rfcNumberOf(text.split('\n').slice(0, 40).join('\n'));
  const list = LISTS.find((candidate) => candidate.number === number);
  if (!list) {
    throw new PortbookError(
      'UNSUPPORTED_FORMAT',
      'not one of the NCP socket lists (RFC 349, 433, 503)',
      {
        location: origin,
      },
    );
  }
  return list;
}

/**
 * An NCP socket list (RFC 349, 433 or 503) as a document of kind `rfc`, edition `ncp:<number>`:
 * its particular assignments, socket by socket (the AEN, the 8 bits RFC 739 later called ports).
 * The per-host tabulations are what hosts ran, not assignments, and are not read.
 */
export function parseNcpSocketList(bytes: Uint8Array, origin: string): SourceDocument {
  const text = decodeLegacyText(bytes);
  const list = listOf(text, origin);
  const lines = stripPageBreaks(toTextLines(text));
  const specified = specifications(lines);
  const records = socketRows(lines).map((row) => toRecord(row, specified));
  if (records.length === 0) {
    throw new PortbookError('MALFORMED_SOURCE', `RFC ${list.number} has no socket table`, {
      location: origin,
    });
  }
  return {
    kind: 'rfc',
    edition: `ncp:${list.number}`,
    title: `RFC ${list.number}: ${list.title} (NCP socket numbers)`,
    published: list.published,
    origin,
    sha256: sha256Hex(bytes),
    fields: FIELDS,
    records,
    people: [],
  };
}

export const ncpSocketListFormat: SourceFormat = {
  name: 'ncp-socket-list',
  detect: (head) => NCP_SOCKET_LIST_RFC_NUMBERS.includes(rfcNumberOf(head) ?? -1),
  parse: (document, origin) => parseNcpSocketList(document, origin),
};
