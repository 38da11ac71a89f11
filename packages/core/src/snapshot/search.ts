import { distance } from 'fastest-levenshtein';
import MiniSearch from 'minisearch';
import { PORT_MAX } from '../model.ts';
import type { AssignmentRow } from './rows.ts';
import { serviceKey } from './service-index.ts';

export type SearchReason = 'port' | 'range' | 'name' | 'prefix' | 'fuzzy' | 'text';

/** One ranked answer: a port, a range of ports, or a service name (with why it matched). */
export type SearchHit =
  | { kind: 'port'; port: number; score: number; reason: 'port' }
  | { kind: 'range'; low: number; high: number; score: number; reason: 'range' }
  | { kind: 'service'; serviceName: string; score: number; reason: SearchReason }
  | { kind: 'software'; softwareId: string; score: number; reason: SearchReason };

/** What search needs of a program of the software data set. */
export interface SearchableSoftware {
  id: string;
  name: string;
}

const NUMBER = /^\s*(\d{1,6})\s*$/;
const RANGE = /^\s*(\d{1,6})\s*(?:-|–|\.\.|:)\s*(\d{1,6})\s*$/;

/**
 * Words of three letters or more also match as prefixes ("kerb" finds kerberos); a shorter one
 * (the `s` of "jtag-s") only as itself: as a prefix it matched most of the vocabulary, and
 * such a search took 30-50 ms where others take well under one.
 */
const asPrefix = (term: string) => term.length >= 3;

interface TextDocument {
  id: number;
  text: string;
}

/**
 * Names within a small edit distance of the query (one typo per four letters, at most two).
 * `keys` are the names in lower case, for a caller that searches the same names often.
 */
export function fuzzyNames(
  query: string,
  names: readonly string[],
  keys: readonly string[] = names.map((name) => name.toLowerCase()),
) {
  const key = serviceKey(query);
  const allowed = Math.min(2, Math.max(1, Math.floor(key.length / 4)));
  const matches: { name: string; distance: number; prefix: boolean }[] = [];
  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    const candidate = keys[index] as string;
    if (candidate === key) continue;
    const prefix = candidate.startsWith(key) && key.length >= 2;
    if (prefix) {
      matches.push({ name, distance: candidate.length - key.length, prefix });
      continue;
    }
    if (Math.abs(candidate.length - key.length) > allowed) continue;
    const d = distance(candidate, key);
    if (d <= allowed) matches.push({ name, distance: d, prefix });
  }
  return matches;
}

const nameWords = (name: string): string[] => name.match(/[a-z0-9]+/g) ?? [];

const hitName = (hit: SearchHit) =>
  hit.kind === 'service' ? hit.serviceName : hit.kind === 'software' ? hit.softwareId : '';

/**
 * Programs by id or name: exact, as a prefix, a whole word of the name ("kafka" in "Apache
 * Kafka"), or one typo away. Each scores one below a service found the same way, so the
 * registry's own name leads where both match ("postgres" finds the service `postgresql` first).
 */
function softwareByName(
  query: string,
  software: readonly SearchableSoftware[],
): Extract<SearchHit, { kind: 'software' }>[] {
  const key = serviceKey(query);
  if (!key) return [];
  const hits: Extract<SearchHit, { kind: 'software' }>[] = [];
  const allowed = Math.min(2, Math.max(1, Math.floor(key.length / 4)));
  for (const { id, name } of software) {
    const lower = name.toLowerCase();
    const hit = (score: number, reason: SearchReason) =>
      hits.push({ kind: 'software', softwareId: id, score, reason });
    if (id === key || lower === key) hit(94, 'name');
    else if (key.length >= 2 && (id.startsWith(key) || lower.startsWith(key))) {
      const longer = id.startsWith(key) ? id : lower;
      hit(69 - Math.min(longer.length - key.length, 20), 'prefix');
    } else if (key.length >= 3 && nameWords(lower).includes(key)) hit(65, 'text');
    else if (key.length >= 4) {
      const d = Math.min(distance(id, key), distance(lower, key));
      if (d <= allowed) hit(59 - 10 * d, 'fuzzy');
    }
  }
  return hits;
}

/**
 * One search box over the current registry. Words of names, descriptions and notes go through
 * MiniSearch (an inverted index with prefix matching and BM25 ranking, 0 dependencies): what the
 * Postgres full-text index did, in memory. Names (about 7,500) are compared one by one: exact,
 * prefix and edit distance give the reasons clients see, and a scan of 7,500 short strings takes
 * about a millisecond, so an index would buy nothing there.
 */
export class SearchIndex {
  readonly #current: readonly AssignmentRow[];
  readonly #names: readonly string[];
  /** The names in lower case (lowering 7,500 names per search was most of its time). */
  readonly #keys: readonly string[];
  readonly #byKey = new Map<string, string>();
  readonly #words: MiniSearch<TextDocument>;
  readonly #software: readonly SearchableSoftware[];

  constructor(
    current: readonly AssignmentRow[],
    names: readonly string[],
    software: readonly SearchableSoftware[] = [],
  ) {
    this.#current = current.filter((row) => row.serviceName !== null);
    this.#names = names;
    this.#software = software;
    this.#keys = names.map((name) => name.toLowerCase());
    for (const [index, key] of this.#keys.entries()) {
      if (!this.#byKey.has(key)) this.#byKey.set(key, names[index] as string);
    }
    this.#words = new MiniSearch<TextDocument>({ fields: ['text'], idField: 'id' });
  }

  /** Indexes the words, in chunks that leave the event loop free between them. */
  async index(pause: () => Promise<void>): Promise<void> {
    const chunk = 1000;
    for (let start = 0; start < this.#current.length; start += chunk) {
      this.#words.addAll(
        this.#current.slice(start, start + chunk).map((row, offset) => ({
          id: start + offset,
          text: [row.serviceName, row.description, row.notes].filter(Boolean).join(' '),
        })),
      );
      await pause();
    }
  }

  /**
   * A port ("443"), a range ("6000-6010"), a service name in any case ("SSH"), words of
   * descriptions ("kerberos admin"), typos tolerated ("kerbros"). Ranked best first; a service
   * found several ways keeps its best score.
   */
  search(query: string, limit = 100): SearchHit[] {
    const hits: SearchHit[] = [];
    const services = new Map<string, Extract<SearchHit, { kind: 'service' }>>();
    const addService = (serviceName: string, score: number, reason: SearchReason) => {
      const key = serviceKey(serviceName);
      const known = services.get(key);
      if (!known || known.score < score)
        services.set(key, { kind: 'service', serviceName, score, reason });
    };
    const range = RANGE.exec(query);
    const number = NUMBER.exec(query);
    if (range) {
      const [low, high] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [
        number,
        number,
      ];
      if (high <= PORT_MAX) {
        hits.push({ kind: 'range', low, high, score: 100, reason: 'range' });
        for (const name of this.#namesOnPorts(low, high, limit)) addService(name, 80, 'range');
      }
    } else if (number) {
      const port = Number(number[1]);
      if (port <= PORT_MAX) {
        hits.push({ kind: 'port', port, score: 100, reason: 'port' });
        for (const name of this.#namesOnPorts(port, port, limit)) addService(name, 90, 'port');
      }
    } else if (query.trim()) {
      const key = serviceKey(query);
      const exact = this.#byKey.get(key);
      if (exact) addService(exact, 95, 'name');
      for (const match of fuzzyNames(query, this.#names, this.#keys)) {
        if (match.prefix) addService(match.name, 70 - Math.min(match.distance, 20), 'prefix');
        else addService(match.name, 60 - 10 * match.distance, 'fuzzy');
      }
      let words = this.#byWords(query, 'AND', limit);
      let weight = 50;
      if (words.length === 0) {
        words = this.#byWords(query, 'OR', limit);
        weight = 30;
      }
      for (const { name, rank } of words) addService(name, weight * (rank / (rank + 1)), 'text');
    }
    const software = number || range ? [] : softwareByName(query, this.#software);
    const ranked = [...services.values(), ...software].sort(
      (a, b) => b.score - a.score || hitName(a).localeCompare(hitName(b)),
    );
    return [...hits, ...ranked].slice(0, Math.max(limit, hits.length));
  }

  /** Programs named like `query` (`softwareByName`'s rule), best first. */
  software(query: string): Extract<SearchHit, { kind: 'software' }>[] {
    return softwareByName(query, this.#software).sort(
      (a, b) => b.score - a.score || hitName(a).localeCompare(hitName(b)),
    );
  }

  /** Names of current named records overlapping [low, high], in port order. */
  #namesOnPorts(low: number, high: number, limit: number): string[] {
    const rows = this.#current
      .filter((row) => row.portLow !== null && row.portLow <= high && (row.portHigh ?? -1) >= low)
      .sort(
        (a, b) =>
          (a.portLow ?? 0) - (b.portLow ?? 0) ||
          serviceKey(a.serviceName ?? '').localeCompare(serviceKey(b.serviceName ?? '')),
      );
    const seen = new Set<string>();
    const names: string[] = [];
    for (const row of rows) {
      const key = `${row.portLow}|${serviceKey(row.serviceName ?? '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(row.serviceName as string);
      if (names.length >= limit) break;
    }
    return names;
  }

  /** Services whose records hold every word (or any, with OR) as a word prefix, best first. */
  #byWords(query: string, combineWith: 'AND' | 'OR', limit: number) {
    const best = new Map<string, { name: string; rank: number }>();
    for (const result of this.#words.search(query, { prefix: asPrefix, combineWith })) {
      const row = this.#current[result.id as number];
      if (!row?.serviceName) continue;
      const key = serviceKey(row.serviceName);
      const known = best.get(key);
      if (!known || known.rank < result.score)
        best.set(key, { name: row.serviceName, rank: result.score });
    }
    return [...best.values()]
      .sort((a, b) => b.rank - a.rank || serviceKey(a.name).localeCompare(serviceKey(b.name)))
      .slice(0, limit);
  }
}
