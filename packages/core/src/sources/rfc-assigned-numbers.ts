import { PortbookError } from '../errors.ts';
import type { Protocol, RecordField, SourceDocument } from '../model.ts';
import { decodeLegacyText, type TextLine, toTextLines } from './port-numbers-text-lines.ts';
import { carriedFields, type PortTable } from './port-numbers-text-record.ts';
import { findSections, readServiceSection, type Section } from './port-numbers-text-sections.ts';
import { citationResolver, readCitations } from './rfc/citations.ts';
import {
  ASSIGNED_NUMBERS_RFC_NUMBERS,
  type AssignedNumbersEdition,
  assignedNumbersEdition,
  rfcNumberOf,
} from './rfc/editions.ts';
import { readKeywordTable } from './rfc/keyword-table.ts';
import { type GeneralAssignment, readOctalTable } from './rfc/octal-table.ts';
import { stripPageBreaks } from './rfc/pages.ts';
import { sha256Hex } from './source-bytes.ts';
import type { SourceFormat } from './source-format.ts';

/** An Assigned Numbers RFC as read: its port tables and what the reading noticed. */
export interface AssignedNumbersRfc {
  edition: AssignedNumbersEdition;
  tables: PortTable[];
  /** RFC 739–790's `General Assignments`: socket classes, quoted by `rangeStatements`. */
  general: GeneralAssignment[];
}

const HEAD_LINES = 40;
const EIGHT_BIT_PORTS = { low: 0, high: 255 };
// RFC 1060 lists some Unix uses far above its "256 to 1024" convention (e.g. 9535/tcp).
const ALL_PORTS = { low: 0, high: 65535 };
const UNIX_PORTS_NOTE = 'Listed under UNIX PORTS ("some of the normal uses of these port numbers")';
const OCTAL_HEADER = /^\s*Decimal\s+Octal\s+Description/m;
const KEYWORD_HEADER = /^\s*Decimal\s+Keyword\s+Description/m;
const BASE_FIELDS: readonly RecordField[] = ['portRange', 'protocol', 'description', 'references'];
const OPTIONAL_FIELDS: readonly RecordField[] = ['serviceName', 'contact', 'notes'];

export function readAssignedNumbersRfc(text: string, origin: string): AssignedNumbersRfc {
  const allLines = toTextLines(text);
  const edition = editionOf(allLines, origin);
  const lines = stripPageBreaks(allLines);
  const resolveTags = citationResolver(readCitations(lines));
  const result: AssignedNumbersRfc = { edition, tables: [], general: [] };
  for (const section of findSections(lines)) {
    const body = section.lines.map(({ text: line }) => line).join('\n');
    if (/^(?:WELL KNOWN|REGISTERED) PORT NUMBERS$/.test(section.title)) {
      const table = readServiceSection(section, origin, resolveTags);
      if (table) result.tables.push(table);
    } else if (section.title === 'UNIX PORTS') {
      const table = readServiceSection(section, origin, resolveTags, ALL_PORTS);
      for (const { record } of table?.entries ?? []) record.notes = UNIX_PORTS_NOTE;
      if (table) result.tables.push(table);
    } else if (/PORT|SOCKET/.test(section.title) && OCTAL_HEADER.test(body)) {
      const octal = readOctalTable(section.lines, protocolsOf(body), origin, resolveTags);
      result.tables.push(table(section, octal.entries, octal.anomalies));
      result.general.push(...octal.general);
    } else if (/PORT/.test(section.title) && KEYWORD_HEADER.test(body)) {
      const keyword = readKeywordTable(section.lines, protocolsOf(body), origin, resolveTags);
      result.tables.push(table(section, keyword.entries, keyword.anomalies));
    }
  }
  if (result.tables.every(({ entries }) => entries.length === 0)) {
    throw new PortbookError(
      'MALFORMED_SOURCE',
      `RFC ${edition.number} has no readable port table`,
      {
        location: origin,
      },
    );
  }
  return result;
}

/** An Assigned Numbers RFC (739 … 1700) as one document of kind `rfc`, edition `rfc:<number>`. */
export function parseAssignedNumbersRfc(bytes: Uint8Array, origin: string): SourceDocument {
  const { edition, tables } = readAssignedNumbersRfc(decodeLegacyText(bytes), origin);
  const records = tables.flatMap(({ entries }) => entries.map(({ record }) => record));
  return {
    kind: 'rfc',
    edition: `rfc:${edition.number}`,
    title: `RFC ${edition.number}: ${edition.title}`,
    published: edition.published,
    origin,
    sha256: sha256Hex(bytes),
    fields: carriedFields(records, BASE_FIELDS, OPTIONAL_FIELDS),
    records,
    people: [],
  };
}

/**
 * The transports a table without a protocol column speaks for. From RFC 790 on the section says
 * "these same port assignments are used with the UDP": one record per protocol. Before, the
 * numbers are TCP ports (and AHHP sockets, which the registry has no protocol for): TCP only.
 */
export function protocolsOf(sectionText: string): Protocol[] {
  return /same port assignments are used with\s+(?:the\s+)?UDP/i.test(sectionText)
    ? ['tcp', 'udp']
    : ['tcp'];
}

function table(section: Section, entries: PortTable['entries'], anomalies: string[]): PortTable {
  return { title: section.title, line: section.line, range: EIGHT_BIT_PORTS, entries, anomalies };
}

function editionOf(lines: readonly TextLine[], origin: string): AssignedNumbersEdition {
  const head = lines
    .slice(0, HEAD_LINES)
    .map(({ text }) => text)
    .join('\n');
  const number = rfcNumberOf(head);
  const edition = number === undefined ? undefined : assignedNumbersEdition(number);
  if (edition === undefined) {
    const which = number === undefined ? 'this document is not an RFC' : `RFC ${number} is not one`;
    throw new PortbookError(
      'UNSUPPORTED_FORMAT',
      `${which} of the Assigned Numbers RFCs that list ports (${ASSIGNED_NUMBERS_RFC_NUMBERS.join(', ')})`,
      { location: origin },
    );
  }
  return edition;
}

export const assignedNumbersRfcFormat: SourceFormat = {
  name: 'rfc',
  detect: (head) => rfcNumberOf(head) !== undefined,
  parse: (document, origin) => parseAssignedNumbersRfc(document, origin),
};
