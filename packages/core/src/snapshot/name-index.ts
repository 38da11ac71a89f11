import { distance } from 'fastest-levenshtein';
import SearchableMap from 'minisearch/SearchableMap';
import { PassjoinIndex } from 'mnemonist';
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

/**
 * Names by key (lower case): the exact name and names starting with a query from a radix tree
 * (MiniSearch's `SearchableMap`), names within the query's typo allowance from a Pass-Join index
 * (mnemonist's `PassjoinIndex`, one per allowance: it looks up parts of the query instead of
 * comparing it with each of the 7,500 names, and walking the radix tree within two typos visited
 * most of its upper levels).
 */
export class NameIndex {
  readonly #names: SearchableMap<string>;
  /** By typos allowed (1 and 2): the keys within that many edits of a query. */
  readonly #typos: readonly PassjoinIndex<string>[];

  /** `names` as first spelled win over later spellings of the same key. */
  constructor(names: Iterable<string>) {
    this.#names = new SearchableMap<string>();
    for (const name of names) {
      const key = name.toLowerCase();
      if (!this.#names.has(key)) this.#names.set(key, name);
    }
    const keys = [...this.#names.keys()];
    this.#typos = [1, 2].map((k) => PassjoinIndex.from(keys, distance, k));
  }

  /** The name spelled `query` in any case. */
  exact(query: string): string | undefined {
    return this.#names.get(serviceKey(query));
  }

  /**
   * Names other than the query's own that start with it (a query of two letters or more), or
   * are within its typo allowance.
   */
  similar(query: string): NameMatch[] {
    const key = serviceKey(query);
    const matches: NameMatch[] = [];
    if (!key) return matches;
    if (key.length >= 2) {
      for (const [candidate, name] of this.#names.atPrefix(key)) {
        if (candidate !== key)
          matches.push({ name, distance: candidate.length - key.length, prefix: true });
      }
    }
    const allowed = typosAllowed(key);
    for (const candidate of (this.#typos[allowed - 1] as PassjoinIndex<string>).search(key)) {
      if (candidate === key || (key.length >= 2 && candidate.startsWith(key))) continue;
      const typos = distance(candidate, key);
      if (typos <= allowed) {
        const name = this.#names.get(candidate) as string;
        matches.push({ name, distance: typos, prefix: false });
      }
    }
    return matches;
  }
}
