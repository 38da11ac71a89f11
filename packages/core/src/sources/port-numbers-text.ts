import { PortbookError } from '../errors.ts';
import type { RecordField, SourceDocument } from '../model.ts';
import { lastUpdated } from './port-numbers-text-edition.ts';
import { decodeLegacyText, toTextLines } from './port-numbers-text-lines.ts';
import { carriedFields, type PortTable } from './port-numbers-text-record.ts';
import { readReferenceList, referenceListResolver } from './port-numbers-text-references.ts';
import { findSections, readServiceSection } from './port-numbers-text-sections.ts';
import { sha256Hex } from './source-bytes.ts';
import type { SourceFormat } from './source-format.ts';

/** IANA's `port-numbers` file as read: its `(last updated …)` date and its port tables. */
export interface PortNumbersText {
  published: string;
  tables: PortTable[];
}

const PORT_SECTIONS = /^(?:WELL KNOWN|REGISTERED) PORT NUMBERS$/;
const BASE_FIELDS: readonly RecordField[] = [
  'serviceName',
  'portRange',
  'protocol',
  'description',
  'references',
];
const OPTIONAL_FIELDS: readonly RecordField[] = ['contact', 'registered', 'serviceCode', 'notes'];

export function readPortNumbersText(text: string, origin: string): PortNumbersText {
  const lines = toTextLines(text);
  const published = lastUpdated(lines, origin);
  const sections = findSections(lines);
  const references = sections.find(({ title }) => title === 'REFERENCES');
  const resolveTags = referenceListResolver(readReferenceList(references?.lines ?? []));
  const tables = sections
    .filter(({ title }) => PORT_SECTIONS.test(title))
    .flatMap((section) => readServiceSection(section, origin, resolveTags) ?? []);
  if (tables.length === 0) {
    throw new PortbookError('MALFORMED_SOURCE', 'port-numbers file has no port table', {
      location: origin,
    });
  }
  return { published, tables };
}

/** IANA's pre-XML `port-numbers` text file (2004–2008 here): one document of kind `iana-text`. */
export function parsePortNumbersText(bytes: Uint8Array, origin: string): SourceDocument {
  const { published, tables } = readPortNumbersText(decodeLegacyText(bytes), origin);
  const records = tables.flatMap(({ entries }) => entries.map(({ record }) => record));
  return {
    kind: 'iana-text',
    edition: `iana:${published}`,
    title: 'Port Numbers',
    published,
    origin,
    sha256: sha256Hex(bytes),
    fields: carriedFields(records, BASE_FIELDS, OPTIONAL_FIELDS),
    records,
    people: [],
  };
}

export const portNumbersTextFormat: SourceFormat = {
  name: 'iana-text',
  // The 2008 file starts at its `(last updated …)` line, without the `PORT NUMBERS` title.
  detect: (head) => /\(last updated\b/i.test(head) && /^\s*WELL KNOWN PORT NUMBERS\s*$/m.test(head),
  parse: (document, origin) => parsePortNumbersText(document, origin),
};
