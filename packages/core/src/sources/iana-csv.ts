import { CsvError, parse } from 'csv-parse/sync';
import { PortbookError } from '../errors.ts';
import {
  RECORD_FIELDS,
  type Reference,
  type RegistryRecord,
  type SourceDocument,
} from '../model.ts';
import { deriveStatus } from '../records/status.ts';
import { parseBracketList, referenceFromCsvItem } from './iana-references.ts';
import { parsePortRange, parseProtocol, parseRegistryDate } from './registry-values.ts';
import { decodeUtf8, sha256Hex } from './source-bytes.ts';

export const IANA_CSV_HEADER = [
  'Service Name',
  'Port Number',
  'Transport Protocol',
  'Description',
  'Assignee',
  'Contact',
  'Registration Date',
  'Modification Date',
  'Reference',
  'Service Code',
  'Unauthorized Use Reported',
  'Assignment Notes',
] as const;

export interface IanaCsvOptions {
  /** The registry date the file reflects; the CSV does not state one. */
  published?: string;
}

interface CsvRow {
  record: string[];
  info: { lines: number };
}

/**
 * `service-names-port-numbers.csv` as IANA serves it. Without `options.published` the edition
 * is dated by the newest registration or modification date in the file, the earliest day the
 * registry can have been in this state.
 */
export function parseIanaCsv(
  bytes: Uint8Array,
  origin: string,
  options: IanaCsvOptions = {},
): SourceDocument {
  const rows = readRows(decodeUtf8(bytes, origin), origin);
  const [header, ...body] = rows;
  if (header === undefined || header.record.join(',') !== IANA_CSV_HEADER.join(',')) {
    throw new PortbookError(
      'UNSUPPORTED_FORMAT',
      'not the IANA port numbers CSV (header differs)',
      {
        location: `${origin}, line 1`,
      },
    );
  }
  const records = body.map((row, index) =>
    recordFromRow(row.record, `record ${index + 1}, line ${row.info.lines}`),
  );
  const published =
    options.published === undefined
      ? newestDate(records, origin)
      : parseRegistryDate(options.published, 'options.published');
  return {
    kind: 'iana-csv',
    edition: `iana:${published}`,
    title: 'Service Name and Transport Protocol Port Number Registry',
    published,
    origin,
    sha256: sha256Hex(bytes),
    fields: RECORD_FIELDS,
    records,
    people: [],
  };
}

function readRows(text: string, origin: string): CsvRow[] {
  try {
    return parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as CsvRow[];
  } catch (cause) {
    if (!(cause instanceof CsvError)) throw cause;
    const lines = typeof cause.lines === 'number' ? `, line ${cause.lines}` : '';
    const code = cause.code === 'CSV_QUOTE_NOT_CLOSED' ? 'TRUNCATED_SOURCE' : 'MALFORMED_SOURCE';
    throw new PortbookError(code, `CSV is not well-formed: ${cause.message}`, {
      location: `${origin}${lines}`,
      cause,
    });
  }
}

function recordFromRow(cells: string[], location: string): RegistryRecord {
  const cell = (index: number) => {
    const value = cells[index] ?? '';
    return value.trim() === '' ? null : value;
  };
  const number = cell(1);
  const protocol = cell(2);
  const registered = cell(6);
  const modified = cell(7);
  const assignees = parseBracketList(cells[4] ?? '');
  const contacts = parseBracketList(cells[5] ?? '');
  const [contact = null, ...otherContacts] = contacts;
  // Without an <assignee> the CSV repeats every contact as assignee; the XML has one assignee.
  const repeatsContacts = assignees.join('\n') === contacts.join('\n');
  if (assignees.length > 1 && !repeatsContacts) {
    throw new PortbookError('MALFORMED_SOURCE', 'record has more than one assignee', { location });
  }
  const references: Reference[] = otherContacts.map((data) => ({ type: 'person', data }));
  for (const item of parseBracketList(cells[8] ?? '')) references.push(referenceFromCsvItem(item));
  const record: Omit<RegistryRecord, 'status'> = {
    serviceName: cell(0)?.trim() ?? null,
    portRange: number === null ? null : parsePortRange(number, location),
    protocol: protocol === null ? null : parseProtocol(protocol, location),
    description: cell(3),
    assignee: assignees[0] ?? null,
    contact,
    registered: registered === null ? null : parseRegistryDate(registered, location),
    modified: modified === null ? null : parseRegistryDate(modified, location),
    references,
    serviceCode: cell(9)?.trim() ?? null,
    unauthorizedUse: cell(10),
    notes: cell(11),
  };
  return { ...record, status: deriveStatus(record) };
}

function newestDate(records: RegistryRecord[], origin: string): string {
  let newest: string | null = null;
  for (const { registered, modified } of records) {
    for (const date of [registered, modified]) {
      if (date !== null && (newest === null || date > newest)) newest = date;
    }
  }
  if (newest === null) {
    throw new PortbookError('INVALID_DATE', 'CSV states no date; pass the published date', {
      location: origin,
    });
  }
  return newest;
}
