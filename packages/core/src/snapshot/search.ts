import { distance } from 'fastest-levenshtein';
import { LRUCache } from 'lru-cache';
import MiniSearch from 'minisearch';
import { PORT_MAX } from '../model.ts';
import { firstInOrder } from './mnemonist.ts';
import { NameIndex, SortedKeys, TypoIndexes, typosAllowed } from './name-index.ts';
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

const nameWords = (name: string): string[] => name.match(/[a-z0-9]+/g) ?? [];

const hitName = (hit: SearchHit) =>
  hit.kind === 'service' ? hit.serviceName : hit.kind === 'software' ? hit.softwareId : '';

type SoftwareHit = Extract<SearchHit, { kind: 'software' }>;

/**
 * Programs by id or name: exact, as a prefix, a whole word of the name ("kafka" in "Apache
 * Kafka"), or one typo away (the first that applies). Each scores one below a service found the
 * same way, so the registry's own name leads where both match ("postgres" finds the service
 * `postgresql` first). Ids and names sit in a radix tree and a Pass-Join index, as service names do.
 */
class SoftwareNames {
  readonly #programs: readonly { id: string; lower: string }[];
  /** Each id and lower-case name, with the programs spelled so. */
  readonly #spellings = new Map<string, number[]>();
  readonly #sorted: SortedKeys;
  readonly #words = new Map<string, number[]>();

  constructor(software: readonly SearchableSoftware[]) {
    this.#programs = software.map(({ id, name }) => ({ id, lower: name.toLowerCase() }));
    const add = (map: Map<string, number[]>, key: string, index: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [index]);
      else if (!list.includes(index)) list.push(index);
    };
    for (const [index, { id, lower }] of this.#programs.entries()) {
      add(this.#spellings, id, index);
      add(this.#spellings, lower, index);
      for (const word of nameWords(lower)) add(this.#words, word, index);
    }
    this.#sorted = new SortedKeys(this.#spellings.keys());
  }

  /** Each id and lower-case name. */
  spellings(): Iterable<string> {
    return this.#spellings.keys();
  }

  /** `typos`: as `NameIndex.similar` takes them. */
  find(query: string, typos: Iterable<string>): SoftwareHit[] {
    const key = serviceKey(query);
    if (!key) return [];
    const found = new Map<number, SoftwareHit>();
    const hit = (index: number, score: number, reason: SearchReason) => {
      if (found.has(index)) return;
      const { id } = this.#programs[index] as { id: string };
      found.set(index, { kind: 'software', softwareId: id, score, reason });
    };
    for (const index of this.#spellings.get(key) ?? []) hit(index, 94, 'name');
    if (key.length >= 2) {
      for (const spelling of this.#sorted.withPrefix(key)) {
        for (const index of this.#spellings.get(spelling) ?? []) {
          const { id, lower } = this.#programs[index] as { id: string; lower: string };
          const longer = id.startsWith(key) ? id : lower;
          hit(index, 69 - Math.min(longer.length - key.length, 20), 'prefix');
        }
      }
    }
    if (key.length >= 3) for (const index of this.#words.get(key) ?? []) hit(index, 65, 'text');
    if (key.length >= 4) {
      const allowed = typosAllowed(key);
      for (const spelling of typos) {
        for (const index of this.#spellings.get(spelling) ?? []) {
          if (found.has(index)) continue;
          const { id, lower } = this.#programs[index] as { id: string; lower: string };
          const d = Math.min(distance(id, key), distance(lower, key));
          if (d <= allowed) hit(index, 59 - 10 * d, 'fuzzy');
        }
      }
    }
    return [...found.values()];
  }
}

/** The most hits a search answers. */
const SEARCH_LIMIT = 100;

/** Every word hit scores `weight * rank / (rank + 1)` with a weight of 50 or 30: always below this. */
const WORDS_SCORE_LIMIT = 50;

/**
 * The most (document, score) pairs kept of the words' scores by term: a few MiB. The longest
 * list, a common prefix such as "serv", holds a few thousand.
 */
const TERM_SCORES_MAX = 200_000;

const byScoreThenName = (a: SearchHit, b: SearchHit) =>
  b.score - a.score || hitName(a).localeCompare(hitName(b));

/**
 * One search box over the current registry. Words of names, descriptions and notes go through
 * MiniSearch (an inverted index with prefix matching and BM25 ranking, 0 dependencies): what the
 * Postgres full-text index did, in memory. Service names (about 7,500) sit in a radix tree
 * (`NameIndex`): exact, prefix and edit distance give the reasons clients see. Named records are
 * kept in port order, so a port or a range finds its names by binary search.
 */
export class SearchIndex {
  /** Current named records with a port, by first port then name: the order port hits list names in. */
  readonly #byPort: readonly AssignmentRow[];
  /** `#byPort`'s first ports, for binary search. */
  readonly #lows: Int32Array;
  /** The records of `#byPort` spanning more than one port (ranges start before a queried port). */
  readonly #spans: readonly { row: AssignmentRow; order: number }[];
  readonly #text: readonly AssignmentRow[];
  /** Each `#text` record's service, as an index into `#serviceKeys`. */
  readonly #textService: Int32Array;
  /** `serviceKey` of each service name among `#text`'s, once each. */
  readonly #serviceKeys: readonly string[];
  /** The words' tally of one search, by document and by service: see `WordTally`. */
  readonly #tally: WordTally;
  readonly #names: NameIndex;
  readonly #words: MiniSearch<TextDocument>;
  /**
   * Each query term's score by document, as MiniSearch ranks that term alone (the word and, from
   * three letters, the words it begins), for the terms searched last. A term's scores depend on
   * nothing else, and the same terms recur across searches ("serv", "protocol"); a common prefix
   * costs milliseconds to score, so each is scored once per snapshot, not once per search.
   */
  readonly #termScores = new LRUCache<string, TermScores>({
    maxSize: TERM_SCORES_MAX,
    sizeCalculation: (scores) => scores.ids.length + 1,
  });
  readonly #software: SoftwareNames;
  /**
   * Pass-Join indexes of service names' keys and programs' spellings together: one lookup a
   * search serves both, as most of a lookup's cost is the query's own substrings whatever the
   * number of keys (a server profile of the bench's searches: 6.1% of samples looking among
   * 7,300 names, 3.2% among 500 program spellings, when each had its own).
   */
  readonly #typos = new TypoIndexes(
    () => new Set([...this.#names.keys(), ...this.#software.spellings()]),
  );

  constructor(
    current: readonly AssignmentRow[],
    names: readonly string[],
    software: readonly SearchableSoftware[] = [],
  ) {
    this.#text = current.filter((row) => row.serviceName !== null);
    const services = new Map<string, number>();
    this.#textService = Int32Array.from(this.#text, (row) => {
      const key = serviceKey(row.serviceName as string);
      let service = services.get(key);
      if (service === undefined) {
        service = services.size;
        services.set(key, service);
      }
      return service;
    });
    this.#serviceKeys = [...services.keys()];
    this.#tally = new WordTally(this.#text.length, services.size);
    const keyed = this.#text
      .filter((row) => row.portLow !== null)
      .map((row) => ({ row, key: serviceKey(row.serviceName as string) }))
      .sort((a, b) => (a.row.portLow ?? 0) - (b.row.portLow ?? 0) || a.key.localeCompare(b.key));
    this.#byPort = keyed.map(({ row }) => row);
    this.#lows = Int32Array.from(this.#byPort, (row) => row.portLow ?? 0);
    this.#spans = this.#byPort.flatMap((row, order) =>
      (row.portHigh ?? -1) > (row.portLow ?? 0) ? [{ row, order }] : [],
    );
    this.#names = new NameIndex(names);
    this.#software = new SoftwareNames(software);
    this.#words = new MiniSearch<TextDocument>({ fields: ['text'], idField: 'id' });
  }

  /**
   * Indexes the words, in chunks that leave the event loop free between them. Records with the
   * same name and text (a service's tcp and udp records) are one document: half the postings.
   */
  async index(pause: () => Promise<void>): Promise<void> {
    const chunk = 1000;
    const seen = new Set<string>();
    for (let start = 0; start < this.#text.length; start += chunk) {
      const documents: TextDocument[] = [];
      for (let id = start; id < Math.min(start + chunk, this.#text.length); id++) {
        const row = this.#text[id] as AssignmentRow;
        const text = [row.serviceName, row.description, row.notes].filter(Boolean).join(' ');
        const key = `${serviceKey(row.serviceName as string)}\n${text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        documents.push({ id, text });
      }
      this.#words.addAll(documents);
      await pause();
    }
  }

  /**
   * A port ("443"), a range ("6000-6010"), a service name in any case ("SSH"), words of
   * descriptions ("kerberos admin"), typos tolerated ("kerbros"). Ranked best first; a service
   * found several ways keeps its best score.
   */
  search(query: string, limit = SEARCH_LIMIT): SearchHit[] {
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
        for (const name of this.#namesOnPorts(low, high)) addService(name, 80, 'range');
      }
    } else if (number) {
      const port = Number(number[1]);
      if (port <= PORT_MAX) {
        hits.push({ kind: 'port', port, score: 100, reason: 'port' });
        for (const name of this.#namesOnPorts(port, port)) addService(name, 90, 'port');
      }
    }
    const wordy = !number && !range;
    const typos = wordy ? this.#typoCandidates(query) : [];
    const software = wordy ? this.#software.find(query, typos) : [];
    if (wordy && query.trim()) {
      const exact = this.#names.exact(query);
      if (exact) addService(exact, 95, 'name');
      for (const match of this.#names.similar(query, typos)) {
        if (match.prefix) addService(match.name, 70 - Math.min(match.distance, 20), 'prefix');
        else addService(match.name, 60 - 10 * match.distance, 'fuzzy');
      }
      // A word hit scores below WORDS_SCORE_LIMIT: once as many names score at least that, no
      // word hit can enter the answer, and the costliest part of a search is skipped.
      let above = 0;
      for (const hit of services.values()) if (hit.score >= WORDS_SCORE_LIMIT) above++;
      for (const hit of software) if (hit.score >= WORDS_SCORE_LIMIT) above++;
      if (above < limit) {
        const { words, weight } = this.#byWords(query, limit);
        for (const { name, rank } of words) addService(name, weight * (rank / (rank + 1)), 'text');
      }
    }
    const ranked = [...services.values(), ...software].sort(byScoreThenName);
    return [...hits, ...ranked].slice(0, Math.max(limit, hits.length));
  }

  /** Programs named like `query` (`SoftwareNames`' rule), best first. */
  software(query: string): Extract<SearchHit, { kind: 'software' }>[] {
    return this.#software.find(query, this.#typoCandidates(query)).sort(byScoreThenName);
  }

  /** Names' keys and programs' spellings within the query's typo allowance of its key. */
  #typoCandidates(query: string): Iterable<string> {
    const key = serviceKey(query);
    return key ? this.#typos.within(typosAllowed(key)).search(key) : [];
  }

  /**
   * Names of current named records overlapping [low, high], in port order: the first
   * `SEARCH_LIMIT`, whatever the page asked for, so that a page is a part of the whole answer.
   */
  #namesOnPorts(low: number, high: number, limit = SEARCH_LIMIT): string[] {
    // Records starting inside [low, high] are one stretch of `#byPort`; ranges starting before
    // `low` and reaching into it are added from `#spans`, then all are put back in port order.
    const first = lowerBound(this.#lows, low);
    const end = lowerBound(this.#lows, high + 1);
    const orders: number[] = [];
    for (const { row, order } of this.#spans) {
      if (order >= first) break;
      if ((row.portHigh ?? -1) >= low) orders.push(order);
    }
    for (let order = first; order < end; order++) orders.push(order);
    const seen = new Set<string>();
    const names: string[] = [];
    for (const order of orders) {
      const row = this.#byPort[order] as AssignmentRow;
      if ((row.portHigh ?? -1) < low) continue;
      const key = `${row.portLow}|${serviceKey(row.serviceName ?? '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(row.serviceName as string);
      if (names.length >= limit) break;
    }
    return names;
  }

  /**
   * Services whose records hold every word of the query as a word or word prefix (weight 50) or,
   * when none holds them all, any of them (weight 30), best first. Scored as one MiniSearch
   * query combining its terms with OR would score them: a document's score is the sum of its
   * terms' scores times the number of distinct terms it holds.
   */
  #byWords(
    query: string,
    limit: number,
  ): { words: { name: string; rank: number }[]; weight: number } {
    const terms = queryTerms(query);
    const distinct = new Set(terms).size;
    const tally = this.#tally;
    try {
      for (const [index, term] of terms.entries()) {
        const first = terms.indexOf(term) === index;
        const { ids, scores } = this.#scoresOf(term);
        for (let i = 0; i < ids.length; i++)
          tally.add(ids[i] as number, scores[i] as number, first);
      }
      const all = tally.anyWithTerms(distinct);
      return {
        words: this.#bestByService(all ? distinct : 0, limit),
        weight: all ? 50 : 30,
      };
    } finally {
      tally.clear();
    }
  }

  /** `term`'s score by document, best first (see `#termScores`). */
  #scoresOf(term: string): TermScores {
    let scores = this.#termScores.get(term);
    if (!scores) {
      const results = this.#words.search(term, { prefix: asPrefix });
      scores = {
        ids: Int32Array.from(results, (result) => result.id as number),
        scores: Float64Array.from(results, (result) => result.score),
      };
      this.#termScores.set(term, scores);
    }
    return scores;
  }

  /**
   * Each service's best-ranked record among the documents tallied holding at least `terms`
   * distinct query terms, best first; the first found wins a tie, as in a stable sort by rank.
   */
  #bestByService(terms: number, limit: number): { name: string; rank: number }[] {
    const tally = this.#tally;
    const services = tally.services;
    for (const document of tally.documents) {
      const held = tally.terms[document] as number;
      if (held < terms) continue;
      const rank = (tally.scores[document] as number) * held;
      const service = this.#textService[document] as number;
      const best = tally.bestDocument[service] as number;
      if (best === -1) {
        services.push(service);
        tally.bestDocument[service] = document;
        tally.bestRank[service] = rank;
      } else if ((tally.bestRank[service] as number) < rank) {
        tally.bestDocument[service] = document;
        tally.bestRank[service] = rank;
      }
    }
    const keys = this.#serviceKeys;
    // Rank, then key: a total order (keys are distinct), so the first `limit` are those a sort
    // would give; a common prefix reaches thousands of services, of which a page wants ten.
    return firstInOrder(
      services,
      limit,
      (a, b) =>
        (tally.bestRank[b] as number) - (tally.bestRank[a] as number) ||
        (keys[a] as string).localeCompare(keys[b] as string),
    ).map((service) => ({
      name: (this.#text[tally.bestDocument[service] as number] as AssignmentRow)
        .serviceName as string,
      rank: tally.bestRank[service] as number,
    }));
  }
}

/** A term's MiniSearch score by document, best first, as two arrays by the same index. */
interface TermScores {
  ids: Int32Array;
  scores: Float64Array;
}

/**
 * What a search's words add up to, in arrays by document and by service made once per index
 * and cleared after each search (only the entries it touched). A search's common prefix
 * ("serv") holds thousands of documents: tallied in a `Map` of objects, their summing was
 * most of a word search's time.
 */
class WordTally {
  /** Documents tallied, in the order first reached. */
  readonly documents: number[] = [];
  readonly scores: Float64Array;
  /** Distinct query terms each document holds; 0 for one not reached. */
  readonly terms: Uint8Array;
  /** Services reached, in the order first reached. */
  readonly services: number[] = [];
  /** By service: its best document so far (-1: none) and that document's rank. */
  readonly bestDocument: Int32Array;
  readonly bestRank: Float64Array;

  constructor(documents: number, services: number) {
    this.scores = new Float64Array(documents);
    this.terms = new Uint8Array(documents);
    this.bestDocument = new Int32Array(services).fill(-1);
    this.bestRank = new Float64Array(services);
  }

  /** Adds a term's score to a document; `first`: the term's first time in the query. */
  add(document: number, score: number, first: boolean): void {
    if (this.terms[document] === 0) {
      this.documents.push(document);
      this.terms[document] = 1;
      this.scores[document] = score;
      return;
    }
    this.scores[document] = (this.scores[document] as number) + score;
    if (first) this.terms[document] = Math.min(255, (this.terms[document] as number) + 1);
  }

  anyWithTerms(terms: number): boolean {
    for (const document of this.documents) if (this.terms[document] === terms) return true;
    return false;
  }

  clear(): void {
    for (const document of this.documents) {
      this.terms[document] = 0;
      this.scores[document] = 0;
    }
    this.documents.length = 0;
    for (const service of this.services) this.bestDocument[service] = -1;
    this.services.length = 0;
  }
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null;

/** The query's terms as MiniSearch takes them (its default tokenizer and term processing). */
const queryTerms = (query: string): string[] =>
  tokenize(query)
    .flatMap((term) => processTerm(term) ?? [])
    .filter(Boolean);

/** The first index of sorted `values` holding a value ≥ `value`. */
function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
