import type { Status } from '../model.ts';
import type { AssignmentRow } from './rows.ts';

/**
 * How many records of a status the registry held on each date, by `validOn`'s rule (from
 * `validFrom` inclusive to `validTo` exclusive): the records begun by a date less those ended
 * by it, two sorted lists searched per date rather than every record read per date.
 */
export class RegistrySize {
  readonly #starts: string[] = [];
  readonly #ends: string[] = [];

  constructor(assignments: readonly AssignmentRow[], status: Status) {
    for (const row of assignments) {
      if (row.status !== status) continue;
      this.#starts.push(row.validFrom);
      if (row.validTo !== null) this.#ends.push(row.validTo);
    }
    this.#starts.sort();
    this.#ends.sort();
  }

  on(date: string): number {
    return atMost(this.#starts, date) - atMost(this.#ends, date);
  }
}

/** How many of the sorted `dates` are on or before `date`. */
function atMost(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((dates[middle] as string) <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}
