import { ASSIGNED_NUMBERS_RFC_NUMBERS, assignedNumbersEdition } from '@portbook/core';
import type { ArchiveFormat } from './archive-index.ts';

/** An RFC the pack carries, with the date it gives and why it is there. */
export interface RfcDocument {
  number: number;
  format: Extract<ArchiveFormat, `rfc-${string}`>;
  /** The day the RFC's header gives, else the first of its month. */
  date: string;
}

/** Before 1977: the socket lists and the statements that led to them (NCP era). */
const NCP_ERA: readonly RfcDocument[] = [
  { number: 204, format: 'rfc-statement', date: '1971-08-05' },
  { number: 322, format: 'rfc-statement', date: '1972-03-26' },
  { number: 349, format: 'rfc-ncp-sockets', date: '1972-05-30' },
  { number: 433, format: 'rfc-ncp-sockets', date: '1972-12-22' },
  { number: 503, format: 'rfc-ncp-sockets', date: '1973-04-13' },
];

/** After 1994: the RFCs that say where the registry went and how its ranges are defined. */
const REGISTRY_ERA: readonly RfcDocument[] = [
  { number: 3232, format: 'rfc-statement', date: '2002-01-01' },
  { number: 6335, format: 'rfc-statement', date: '2011-08-01' },
  { number: 7605, format: 'rfc-statement', date: '2015-08-01' },
];

export const ARCHIVE_RFCS: readonly RfcDocument[] = [
  ...NCP_ERA,
  ...ASSIGNED_NUMBERS_RFC_NUMBERS.map(
    (number): RfcDocument => ({
      number,
      format: 'rfc-assigned-numbers',
      date: assignedNumbersEdition(number)?.published as string,
    }),
  ),
  ...REGISTRY_ERA,
];

export const rfcEditorUrl = (number: number) => `https://www.rfc-editor.org/rfc/rfc${number}.txt`;
