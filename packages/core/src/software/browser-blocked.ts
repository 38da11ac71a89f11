import type { BrowserBlockedRow } from './model.ts';

/** The first day a browser or the standard refused the port: the earlier of the two dates. */
export function browserBlockedSince(entry: BrowserBlockedRow): string {
  const browserDate = entry.earlierInBrowsers?.date;
  return browserDate !== undefined && browserDate < entry.added ? browserDate : entry.added;
}

/** The bad port list by port: whether browsers refuse HTTP(S) to a port on a date. */
export class BrowserBlockList {
  readonly #byPort: Map<number, BrowserBlockedRow>;

  constructor(rows: readonly BrowserBlockedRow[]) {
    this.#byPort = new Map(rows.map((row) => [row.port, row]));
  }

  /** The list's entry for `port`, or undefined when browsers have never refused it. */
  entry(port: number): BrowserBlockedRow | undefined {
    return this.#byPort.get(port);
  }

  /** Refused on `at` (`YYYY-MM-DD`), or today when undefined: listed, and refused by then. */
  isBlocked(port: number, at?: string): boolean {
    const entry = this.#byPort.get(port);
    return entry !== undefined && (at === undefined || browserBlockedSince(entry) <= at);
  }

  /** Every entry, by port. */
  get entries(): BrowserBlockedRow[] {
    return [...this.#byPort.values()].sort((a, b) => a.port - b.port);
  }
}
