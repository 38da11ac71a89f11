import { PROTOCOLS, type RegistryRecord } from '../model.ts';

/** Why a newer record continues an older one; each rule is one pass, strongest first. */
export type MatchRule =
  | 'exact'
  | 'protocol-missing'
  | 'well-formed-rename'
  | 'renamed-same-description'
  | 'keyword-missing'
  | 'redescribed'
  | 'name-withdrawn'
  | 'range-resized'
  | 'moved';

/** Claim bits per older record: one per protocol, and one for a newer record without protocol. */
const WHOLE = 1 << PROTOCOLS.length;
const PROTOCOL_BIT = new Map<string | null, number>(PROTOCOLS.map((p, i) => [p, 1 << i]));

/** The newer and older records being matched, and which older records are taken. */
export class Matching {
  readonly older: readonly RegistryRecord[];
  readonly newer: readonly RegistryRecord[];
  readonly predecessor: Int32Array;
  readonly rule: (MatchRule | null)[];
  readonly #claims: Uint8Array;
  #unmatched: number;
  #waiting: number[] | null = null;
  #openOlder: number[] | null = null;

  constructor(older: readonly RegistryRecord[], newer: readonly RegistryRecord[]) {
    this.older = older;
    this.newer = newer;
    this.predecessor = new Int32Array(newer.length).fill(-1);
    this.rule = new Array(newer.length).fill(null);
    this.#claims = new Uint8Array(older.length);
    this.#unmatched = newer.length;
  }

  /** Unclaimed, or protocol-less and not yet continued by this newer record's protocol. */
  available(a: number, b: RegistryRecord): boolean {
    const claims = this.#claims[a] as number;
    if (claims === 0) return true;
    const bit = PROTOCOL_BIT.get(b.protocol);
    return this.older[a]?.protocol === null && bit !== undefined && (claims & (WHOLE | bit)) === 0;
  }

  /** Could still be continued by some newer record. */
  open(a: number): boolean {
    const claims = this.#claims[a] as number;
    return claims === 0 || (this.older[a]?.protocol === null && (claims & WHOLE) === 0);
  }

  link(a: number, b: number, why: MatchRule): void {
    if (this.predecessor[b] === -1) this.#unmatched--;
    this.predecessor[b] = a;
    this.rule[b] = why;
    const bit = PROTOCOL_BIT.get(this.newer[b]?.protocol ?? null) ?? WHOLE;
    this.#claims[a] = (this.#claims[a] as number) | bit;
  }

  /** Newer records not yet matched, in order; each call narrows the list the call before left. */
  waiting(): number[] {
    if (this.#unmatched === 0) return [];
    const from = this.#waiting ?? indices(this.newer.length);
    this.#waiting = from.filter((b) => this.predecessor[b] === -1);
    return this.#waiting;
  }

  /** Older records still open, in order: claims only grow, so a closed record never reopens. */
  openOlder(): number[] {
    const from = this.#openOlder ?? indices(this.older.length);
    this.#openOlder = from.filter((a) => this.open(a));
    return this.#openOlder;
  }

  /** One matching pass: newer records still unmatched look up open older records under a key. */
  pass(
    why: MatchRule,
    newerKey: (record: RegistryRecord) => string | null,
    olderKey: (record: RegistryRecord) => string | null,
    pick: (candidates: number[], record: RegistryRecord) => number | undefined,
  ): void {
    const waiting = this.waiting();
    if (waiting.length === 0) return;
    const index = new Map<string, number[]>();
    for (const a of this.openOlder()) {
      const key = olderKey(this.older[a] as RegistryRecord);
      if (key !== null) pushTo(index, key, a);
    }
    for (const b of waiting) {
      const record = this.newer[b] as RegistryRecord;
      const key = newerKey(record);
      const candidates = key === null ? undefined : index.get(key);
      if (!candidates) continue;
      const a = pick(
        candidates.filter((c) => this.available(c, record)),
        record,
      );
      if (a !== undefined) this.link(a, b, why);
    }
  }
}

function indices(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

export function pushTo<K>(index: Map<K, number[]>, key: K, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}
