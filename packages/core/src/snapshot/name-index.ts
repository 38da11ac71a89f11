import { distance } from 'fastest-levenshtein';
import type { PassjoinIndex } from 'mnemonist';
import { passjoinIndex } from './mnemonist.ts';
import { serviceKey } from './service-index.ts';

/** A name found from a query: by its start (`prefix`) or within a few typos. */
export interface NameMatch {
  name: string;
  /** Letters beyond the query for a prefix; the edit distance otherwise. */
  distance: number;
  prefix: boolean;
}

/** Typos tolerated in a query of `key.length` letters: one per four letters, one to two. */
export const typosAllowed = (key: string) => Math.min(2, Math.max(1, Math.floor(key.length / 4)));

/** Sorted strings, for the ones starting with a prefix: a binary search, then a scan. */
export class SortedKeys {
  readonly #keys: readonly string[];

  constructor(keys: Iterable<string>) {
    this.#keys = [...new Set(keys)].sort();
  }

  /** Every key starting with `prefix`, in code-unit order. */
  *withPrefix(prefix: string): Generator<string> {
    let low = 0;
    let high = this.#keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#keys[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < this.#keys.length; index++) {
      const key = this.#keys[index] as string;
      if (!key.startsWith(prefix)) return;
      yield key;
    }
  }
}

/**
 * Pass-Join indexes of some keys (mnemonist's `PassjoinIndex`), one per typo allowance (1 and
 * 2), each built by the first search that needs it: a tenth of a second for the registry's
 * names, but seconds for many names alike (svc-1-2025, svc-2-2025, ...), which a snapshot
 * refresh should not wait for.
 */
export class TypoIndexes {
  readonly #keys: () => Iterable<string>;
  readonly #built: (PassjoinIndex<string> | undefined)[] = [];

  constructor(keys: () => Iterable<string>) {
    this.#keys = keys;
  }

  /** The index of the keys within `allowed` edits of a query. */
  within(allowed: number): PassjoinIndex<string> {
    let index = this.#built[allowed - 1];
    if (!index) {
      index = passjoinIndex().from(this.#keys(), distance, allowed);
      this.#built[allowed - 1] = index;
    }
    return index;
  }
}

/**
 * Names by key (lower case): the exact name from a map, names starting with a query from the
 * sorted keys, names within the query's typo allowance from the candidates of a Pass-Join
 * lookup the caller makes (`TypoIndexes`, over these keys and others).
 */
export class NameIndex {
  readonly #names = new Map<string, string>();
  readonly #sorted: SortedKeys;

  /** `names` as first spelled win over later spellings of the same key. */
  constructor(names: Iterable<string>) {
    for (const name of names) {
      const key = name.toLowerCase();
      if (!this.#names.has(key)) this.#names.set(key, name);
    }
    this.#sorted = new SortedKeys(this.#names.keys());
  }

  /** Every name's key (lower case). */
  keys(): Iterable<string> {
    return this.#names.keys();
  }

  /** The name spelled `query` in any case. */
  exact(query: string): string | undefined {
    return this.#names.get(serviceKey(query));
  }

  /**
   * Names other than the query's own that start with it (a query of two letters or more), or
   * are within its typo allowance: among `typos`, the keys a Pass-Join index found within it of
   * the query's key (keys that are no name's are passed over).
   */
  similar(query: string, typos: Iterable<string>): NameMatch[] {
    const key = serviceKey(query);
    const matches: NameMatch[] = [];
    if (!key) return matches;
    if (key.length >= 2) {
      for (const candidate of this.#sorted.withPrefix(key)) {
        if (candidate === key) continue;
        const name = this.#names.get(candidate) as string;
        matches.push({ name, distance: candidate.length - key.length, prefix: true });
      }
    }
    const allowed = typosAllowed(key);
    for (const candidate of typos) {
      if (candidate === key || (key.length >= 2 && candidate.startsWith(key))) continue;
      const name = this.#names.get(candidate);
      if (name === undefined) continue;
      const typos = distance(candidate, key);
      if (typos <= allowed) matches.push({ name, distance: typos, prefix: false });
    }
    return matches;
  }
}
