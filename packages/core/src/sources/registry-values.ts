import { PortbookError } from '../errors.ts';
import { PORT_MAX, PORT_MIN, type PortRange, PROTOCOLS, type Protocol } from '../model.ts';

const PORT_NUMBER = /^(-?\d+)(?:\s*-\s*(-?\d+))?$/;
// IANA states many registration dates to the month only (`2003-11`); the precision is kept.
const REGISTRY_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** `22` → {22, 22}; `6000-6063` → {6000, 6063}. */
export function parsePortRange(text: string, location: string): PortRange {
  const match = PORT_NUMBER.exec(text.trim());
  if (!match) {
    throw new PortbookError('MALFORMED_SOURCE', `"${text}" is not a port number or range`, {
      location,
    });
  }
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low < PORT_MIN || high > PORT_MAX) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `port ${text} is outside ${PORT_MIN}-${PORT_MAX}`,
      { location },
    );
  }
  if (high < low) {
    throw new PortbookError('PORT_OUT_OF_RANGE', `port range ${text} is reversed`, { location });
  }
  return { low, high };
}

/** Misspellings the registry once published: the 2006-11-13 edition lists `ipfixs 4740/stcp`. */
const MISSPELLED_PROTOCOLS = new Map([['stcp', 'sctp']]);

export function parseProtocol(text: string, location: string): Protocol {
  const written = text.trim().toLowerCase();
  const protocol = MISSPELLED_PROTOCOLS.get(written) ?? written;
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new PortbookError('UNKNOWN_PROTOCOL', `unknown transport protocol "${text}"`, {
      location,
    });
  }
  return protocol as Protocol;
}

/** A registry date, `YYYY-MM-DD` or month-precision `YYYY-MM`, returned as written. */
export function parseRegistryDate(text: string, location: string): string {
  const date = text.trim();
  const match = REGISTRY_DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = match?.[3] === undefined ? 1 : Number(match[3]);
  const valid =
    match !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) {
    throw new PortbookError('INVALID_DATE', `"${text}" is not a date (YYYY-MM-DD)`, { location });
  }
  return date;
}
