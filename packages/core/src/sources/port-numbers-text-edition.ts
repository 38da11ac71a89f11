import { PortbookError } from '../errors.ts';
import type { TextLine } from './port-numbers-text-lines.ts';
import { parseRegistryDate } from './registry-values.ts';

const MONTHS =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
const LAST_UPDATED = /\(last updated\s+([^)]*)\)/i;
const HEAD_LINES = 40;

/**
 * The date of the `(last updated …)` line, in any of the spellings IANA used:
 * `2004-01-08`, `17 February 2005`, `February 17, 2005`.
 */
export function lastUpdated(lines: readonly TextLine[], origin: string): string {
  for (const { number, text } of lines.slice(0, HEAD_LINES)) {
    const stated = LAST_UPDATED.exec(text)?.[1]?.trim();
    if (stated === undefined) continue;
    const location = `${origin}, line ${number}`;
    const date = isoDate(stated);
    if (date === undefined) {
      throw new PortbookError('INVALID_DATE', `"(last updated ${stated})" is not a date`, {
        location,
      });
    }
    return parseRegistryDate(date, location);
  }
  throw new PortbookError('MALFORMED_SOURCE', 'port-numbers file has no "(last updated …)" line', {
    location: origin,
  });
}

function isoDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}`;
  const dayFirst = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text);
  if (dayFirst) return fromParts(dayFirst[3], dayFirst[2], dayFirst[1]);
  const monthFirst = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (monthFirst) return fromParts(monthFirst[3], monthFirst[1], monthFirst[2]);
  return undefined;
}

function fromParts(year = '', monthName = '', day = ''): string | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  return month === 0 ? undefined : `${year}-${pad(String(month))}-${pad(day)}`;
}

function pad(value = ''): string {
  return value.padStart(2, '0');
}
