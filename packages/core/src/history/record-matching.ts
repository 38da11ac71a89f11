import type { RegistryRecord } from '../model.ts';
import {
  exactKey,
  isNamed,
  nameKey,
  overlap,
  rangeKey,
  textKey,
  wellFormedName,
} from './record-identity.ts';

/** Why a newer record continues an older one; each rule is one pass, strongest first. */
export type MatchRule =
  | 'exact'
  | 'protocol-missing'
  | 'well-formed-rename'
  | 'keyword-missing'
  | 'name-withdrawn'
  | 'range-resized';

export interface RecordMatch {
  /** Index in the older document of the record each newer record continues, or -1. */
  predecessor: number[];
  rule: (MatchRule | null)[];
}

type Claims = Set<string>;

/**
 * Matches the records of one document to those of the document before it.
 * A record with no protocol may be continued by several newer records, one per protocol:
 * the RFCs before 1340 listed a port once, later documents list tcp and udp apart.
 */
export function matchRecords(
  older: readonly RegistryRecord[],
  newer: readonly RegistryRecord[],
): RecordMatch {
  const predecessor = newer.map(() => -1);
  const rule: (MatchRule | null)[] = newer.map(() => null);
  const claims: Claims[] = older.map(() => new Set());

  const available = (a: number, b: RegistryRecord): boolean => {
    const taken = claims[a] as Claims;
    if (taken.size === 0) return true;
    const protocol = (older[a] as RegistryRecord).protocol;
    return protocol === null && b.protocol !== null && !taken.has('*') && !taken.has(b.protocol);
  };
  const link = (a: number, b: number, why: MatchRule): void => {
    predecessor[b] = a;
    rule[b] = why;
    (claims[a] as Claims).add((newer[b] as RegistryRecord).protocol ?? '*');
  };
  const pass = (
    why: MatchRule,
    keyOf: (record: RegistryRecord) => string | null,
    pick: (candidates: number[], record: RegistryRecord) => number | undefined,
    olderKeyOf: (record: RegistryRecord) => string | null = keyOf,
  ): void => {
    const index = indexBy(older, olderKeyOf);
    newer.forEach((record, b) => {
      if (predecessor[b] !== -1) return;
      const key = keyOf(record);
      const candidates = key === null ? undefined : index.get(key);
      if (!candidates) return;
      const a = pick(
        candidates.filter((c) => available(c, record)),
        record,
      );
      if (a !== undefined) link(a, b, why);
    });
  };
  const olderRecord = (a: number): RegistryRecord => older[a] as RegistryRecord;

  // Rule 1: same port range, protocol and service name (names compare case-insensitively).
  pass('exact', exactKey, (candidates) => candidates[0]);

  // Rule 2: same port range and name where one document states no protocol (RFCs before 1340).
  pass(
    'protocol-missing',
    (r) => `${rangeKey(r.portRange)}/${nameKey(r.serviceName) ?? ''}`,
    (candidates, record) =>
      candidates.find((a) => (olderRecord(a).protocol === null) !== (record.protocol === null)),
  );

  // Rule 3: an ill-formed name replaced by its RFC 6335 well-formed spelling (`whois++` → `whoispp`).
  pass(
    'well-formed-rename',
    (r) => (r.portRange && isNamed(r) ? rangeKey(r.portRange) : null),
    (candidates, record) =>
      candidates.find(
        (a) =>
          protocolsCompatible(olderRecord(a), record) && isWellFormedRename(olderRecord(a), record),
      ),
    portKey,
  );

  // Rule 4: a record the older document lists without keyword (RFC 739–870), by port, protocol, then description.
  pass(
    'keyword-missing',
    (r) => (r.portRange && isNamed(r) && r.status === 'assigned' ? rangeKey(r.portRange) : null),
    (candidates, record) => {
      const unnamed = candidates.filter((a) => {
        const o = olderRecord(a);
        return !isNamed(o) && o.status === 'assigned' && protocolsCompatible(o, record);
      });
      const described = unnamed.find(
        (a) => textKey(olderRecord(a).description) === textKey(record.description),
      );
      return described ?? (unnamed.length === 1 ? unnamed[0] : undefined);
    },
    portKey,
  );

  // Rule 5: a named record whose port became Unassigned or Reserved continues as that entry ("Unassigned [was netstat]").
  pass(
    'name-withdrawn',
    (r) => (r.portRange && !isNamed(r) && r.status !== 'assigned' ? rangeKey(r.portRange) : null),
    (candidates, record) => {
      const named = candidates.filter(
        (a) => isNamed(olderRecord(a)) && protocolsCompatible(olderRecord(a), record),
      );
      const text = `${textKey(record.description) ?? ''} ${textKey(record.notes) ?? ''}`;
      const mentioned = named.find((a) => text.includes(nameKey(olderRecord(a).serviceName) ?? ''));
      return mentioned ?? named[0];
    },
    portKey,
  );

  // Rule 6: an unnamed Unassigned/Reserved range that shrank, grew or split keeps the lineage of the range it overlaps most.
  matchResizedRanges(older, newer, predecessor, available, link);

  return { predecessor, rule };
}

function portKey(record: RegistryRecord): string | null {
  return record.portRange ? rangeKey(record.portRange) : null;
}

function protocolsCompatible(a: RegistryRecord, b: RegistryRecord): boolean {
  return a.protocol === b.protocol || a.protocol === null || b.protocol === null;
}

function isWellFormedRename(older: RegistryRecord, newer: RegistryRecord): boolean {
  const before = nameKey(older.serviceName);
  const after = nameKey(newer.serviceName);
  if (!before || !after || before === after) return false;
  if (wellFormedName(before) === after) return true;
  const text = `${newer.description ?? ''} ${newer.notes ?? ''}`.toLowerCase();
  return text.includes(`replacement for "${before}"`);
}

function indexBy(
  records: readonly RegistryRecord[],
  keyOf: (record: RegistryRecord) => string | null,
): Map<string, number[]> {
  const index = new Map<string, number[]>();
  records.forEach((record, i) => {
    const key = keyOf(record);
    if (key === null) return;
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  return index;
}

function isResizable(record: RegistryRecord): boolean {
  return record.portRange !== null && !isNamed(record) && record.status !== 'assigned';
}

function matchResizedRanges(
  older: readonly RegistryRecord[],
  newer: readonly RegistryRecord[],
  predecessor: number[],
  available: (a: number, b: RegistryRecord) => boolean,
  link: (a: number, b: number, why: MatchRule) => void,
): void {
  const olderRanges = older
    .map((record, i) => ({ record, i }))
    .filter(({ record }) => isResizable(record))
    .sort((x, y) => (x.record.portRange?.low ?? 0) - (y.record.portRange?.low ?? 0));
  const lows = olderRanges.map(({ record }) => record.portRange?.low ?? 0);
  const reach: number[] = [];
  for (const [k, { record }] of olderRanges.entries()) {
    reach.push(Math.max(reach[k - 1] ?? -1, record.portRange?.high ?? 0));
  }

  const pairs: { a: number; b: number; size: number }[] = [];
  newer.forEach((record, b) => {
    if (predecessor[b] !== -1 || !isResizable(record) || !record.portRange) return;
    const range = record.portRange;
    for (let k = upperBound(lows, range.high) - 1; k >= 0 && (reach[k] ?? -1) >= range.low; k--) {
      const candidate = olderRanges[k] as { record: RegistryRecord; i: number };
      const size = overlap(candidate.record.portRange ?? range, range);
      const sameStatus = candidate.record.status === record.status;
      if (size > 0 && sameStatus && protocolsCompatible(candidate.record, record)) {
        pairs.push({ a: candidate.i, b, size });
      }
    }
  });
  pairs.sort((x, y) => y.size - x.size || x.a - y.a || x.b - y.b);
  for (const { a, b } of pairs) {
    if (predecessor[b] === -1 && available(a, newer[b] as RegistryRecord))
      link(a, b, 'range-resized');
  }
}

/** First index whose value is greater than `value` in an ascending list. */
function upperBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
