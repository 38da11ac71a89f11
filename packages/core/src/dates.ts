import { PortbookError } from './errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as `YYYY-MM-DD`; real days only (`2026-02-30` is refused with INVALID_DATE). */
export function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value as string;
  }
  throw new PortbookError(
    'INVALID_DATE',
    `expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
  );
}

/** The day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  const day = new Date(`${parseDate(date)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
