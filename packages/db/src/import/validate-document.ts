import {
  PORT_MAX,
  PORT_MIN,
  PortbookError,
  PROTOCOLS,
  type RegistryRecord,
  SOURCE_KINDS,
  type SourceDocument,
  STATUSES,
} from '@portbook/core';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Records may be dated by month (`2002-02`): the registry wrote 2,600 of them that way. */
const RECORD_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;
const SHA256 = /^[0-9a-f]{64}$/;

function isIsoDate(value: string, pattern = ISO_DATE): boolean {
  if (!pattern.test(value)) return false;
  const day = value.length === 7 ? `${value}-01` : value;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= PORT_MIN && value <= PORT_MAX;
}

/** Parsers hand out one object per distinct record, so 490 documents hold ~40,000 to check, not 6.5 million. */
const checked = new WeakSet<RegistryRecord>();

function checkRecord(record: RegistryRecord, where: () => string) {
  if (checked.has(record)) return;
  const location = where();
  const range = record.portRange;
  if (range && (!isPort(range.low) || !isPort(range.high) || range.low > range.high)) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `port ${range.low}-${range.high} is outside ${PORT_MIN}-${PORT_MAX}`,
      { location },
    );
  }
  if (record.protocol !== null && !(PROTOCOLS as readonly string[]).includes(record.protocol)) {
    throw new PortbookError('UNKNOWN_PROTOCOL', `unknown protocol "${record.protocol}"`, {
      location,
    });
  }
  for (const date of [record.registered, record.modified]) {
    if (date !== null && !isIsoDate(date, RECORD_DATE)) {
      throw new PortbookError('INVALID_DATE', `"${date}" is not a YYYY-MM(-DD) date`, { location });
    }
  }
  if (!(STATUSES as readonly string[]).includes(record.status)) {
    throw new PortbookError('MALFORMED_SOURCE', `unknown status "${record.status}"`, { location });
  }
  checked.add(record);
}

/**
 * The database's own guard: parsers already reject bad input, but a document built by other
 * code must not get a port of 70000 or a protocol the schema has no value for into storage.
 */
export function validateDocument(document: SourceDocument): void {
  const origin = document.origin;
  if (!(SOURCE_KINDS as readonly string[]).includes(document.kind)) {
    throw new PortbookError('UNSUPPORTED_FORMAT', `unknown source kind "${document.kind}"`, {
      location: origin,
    });
  }
  if (!isIsoDate(document.published)) {
    throw new PortbookError('INVALID_DATE', `"${document.published}" is not a YYYY-MM-DD date`, {
      location: origin,
    });
  }
  if (!SHA256.test(document.sha256)) {
    throw new PortbookError('MALFORMED_SOURCE', 'document sha256 is not 64 hex digits', {
      location: origin,
    });
  }
  document.records.forEach((record, index) => {
    checkRecord(record, () => `${origin}, record ${index + 1}`);
  });
}
