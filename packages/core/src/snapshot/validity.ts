/** Today as `YYYY-MM-DD` (UTC): the date "current" means. */
export function todayDate(): string {
  return new Date().toISOString().slice(0, 10);
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
