import type { RangeClassDefinition } from '../model.ts';
import { validOn } from './validity.ts';

// Dates compare as text (`YYYY-MM-DD`): localeCompare's first call loads a collator, 10-20 ms.
const byPortThenDate = (a: RangeClassDefinition, b: RangeClassDefinition) =>
  a.low - b.low ||
  (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0) ||
  a.high - b.high;

/** IANA's port classes and operating systems' ephemeral ranges through time. */
export class RangeClassIndex {
  readonly #byId: Map<string, RangeClassDefinition>;
  /** Every IANA class through history (1977-), by port then date. */
  readonly iana: readonly RangeClassDefinition[];
  /** Every ephemeral range, by port then date. */
  readonly ephemeral: readonly RangeClassDefinition[];

  constructor(classes: readonly RangeClassDefinition[]) {
    this.#byId = new Map(classes.map((c) => [c.id, c]));
    this.iana = classes.filter((c) => c.scheme === 'iana').sort(byPortThenDate);
    this.ephemeral = classes.filter((c) => c.scheme === 'ephemeral').sort(byPortThenDate);
  }

  byId(id: string): RangeClassDefinition | undefined {
    return this.#byId.get(id);
  }

  /** IANA's classes in force on `date`, by port. */
  classesAt(date: string): RangeClassDefinition[] {
    return this.iana
      .filter((c) => validOn(c, date))
      .sort((a, b) => a.low - b.low || a.high - b.high);
  }

  /** The IANA class `port` belonged to on `date`; the narrowest if documents defined several. */
  classOf(port: number, date: string): RangeClassDefinition | undefined {
    let best: RangeClassDefinition | undefined;
    for (const c of this.iana) {
      if (c.low > port || port > c.high || !validOn(c, date)) continue;
      if (!best || c.high - c.low < best.high - best.low) best = c;
    }
    return best;
  }

  /** Ephemeral ranges in force on `date` (every one, without a date), holding `port` when given. */
  ephemeralAt(date: string | undefined, port?: number): RangeClassDefinition[] {
    return this.ephemeral.filter(
      (r) =>
        (date === undefined || validOn(r, date)) &&
        (port === undefined || (r.low <= port && port <= r.high)),
    );
  }
}
