import { PortbookError } from '../errors.ts';
import type { SourceDocument } from '../model.ts';
import { ianaCsvFormat, ianaXmlFormat } from './iana-formats.ts';
import { portNumbersTextFormat } from './port-numbers-text.ts';
import { ncpSocketListFormat } from './rfc/ncp-socket-lists.ts';
import { assignedNumbersRfcFormat } from './rfc-assigned-numbers.ts';
import { decompressSource } from './source-bytes.ts';
import type { ParseSourceOptions, SourceFormat } from './source-format.ts';

/** Checked in order, first match wins; add a format with one line here. */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  ianaXmlFormat,
  ianaCsvFormat,
  portNumbersTextFormat,
  ncpSocketListFormat,
  assignedNumbersRfcFormat,
];

const HEAD_BYTES = 16_384;

/** The format of a source document, or undefined when no listed format recognises it. */
export function detectSourceFormat(document: Uint8Array): SourceFormat | undefined {
  const head = new TextDecoder('utf-8').decode(document.subarray(0, HEAD_BYTES));
  return SOURCE_FORMATS.find((format) => format.detect(head));
}

/** Parses any supported source (gzip or not); anything else is `UNSUPPORTED_FORMAT`. */
export function parseSource(
  bytes: Uint8Array,
  origin: string,
  options: ParseSourceOptions = {},
): SourceDocument {
  const document = decompressSource(bytes, origin);
  const format = detectSourceFormat(document);
  if (!format) {
    const supported = SOURCE_FORMATS.map(({ name }) => name).join(', ');
    throw new PortbookError(
      'UNSUPPORTED_FORMAT',
      `not a recognised registry source (supported: ${supported})`,
      { location: origin },
    );
  }
  return format.parse(document, origin, options);
}
