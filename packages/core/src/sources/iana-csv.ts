import { CsvError, parse } from 'csv-parse/sync';
import { PortbookError } from '../errors.ts';
import { RECORD_FIELDS, type SourceDocument } from '../model.ts';
import { IANA_CSV_HEADER, newestRecordDate, recordFromCsvRow } from './iana-csv-record.ts';
import { parseRegistryDate } from './registry-values.ts';
import { decodeUtf8, sha256Hex } from './source-bytes.ts';

export { IANA_CSV_HEADER };

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
    recordFromCsvRow(row.record, `record ${index + 1}, line ${row.info.lines}`),
  );
  const published =
    options.published === undefined
      ? newestRecordDate(records, origin)
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
