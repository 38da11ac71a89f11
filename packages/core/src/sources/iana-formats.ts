import { IANA_CSV_HEADER, parseIanaCsv } from './iana-csv.ts';
import { parseIanaXml } from './iana-xml.ts';
import type { SourceFormat } from './source-format.ts';

export const ianaXmlFormat: SourceFormat = {
  name: 'iana-xml',
  detect: (head) => /<registry\b[^>]*\bid=["']service-names-port-numbers["']/.test(head),
  parse: (document, origin) => parseIanaXml(document, origin),
};

export const ianaCsvFormat: SourceFormat = {
  name: 'iana-csv',
  detect: (head) => head.replace(/^\uFEFF/, '').startsWith(IANA_CSV_HEADER.join(',')),
  parse: (document, origin, options) => parseIanaCsv(document, origin, options),
};
