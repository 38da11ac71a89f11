const DAY_MS = 86_400_000;
/** The day `todayDate` last gave, and the instants it runs from and to. */
let today = { date: '', from: 0, to: 0 };

/**
 * Today as `YYYY-MM-DD` (UTC): the date "current" means. Formatted once a day, not once a call
 * (every API request asks; `toISOString` took 4% of a request's CPU), and again whenever the
 * clock leaves that day, backwards too.
 */
export function todayDate(): string {
  const now = Date.now();
  if (now < today.from || now >= today.to) {
    const from = Math.floor(now / DAY_MS) * DAY_MS;
    today = { date: new Date(from).toISOString().slice(0, 10), from, to: from + DAY_MS };
  }
  return today.date;
}

/**
 * The one rule for "valid on a date": from `validFrom` (inclusive) to `validTo` (exclusive);
 * with no date, valid means current (`validTo` null).
 */
export function validOn(
  row: { validFrom: string; validTo: string | null },
  at: string | undefined,
): boolean {
  if (at === undefined) return isCurrent(row);
  return row.validFrom <= at && (row.validTo === null || at < row.validTo);
}

/** In the current registry: `validOn` with no date. */
export function isCurrent(row: { validTo: string | null }): boolean {
  return row.validTo === null;
}
