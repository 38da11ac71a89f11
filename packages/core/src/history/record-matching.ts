import type { RegistryRecord } from '../model.ts';
import { Matching, type MatchRule, pushTo } from './matching-state.ts';
import { matchResizedRanges } from './range-matching.ts';
import {
  exactKey,
  identityKey,
  isNamed,
  isUnnamedService,
  nameKey,
  protocolsCompatible,
  rangeKey,
  shareDistinctiveWord,
  sharedDistinctiveWords,
  textKey,
  wellFormedName,
} from './record-identity.ts';
import { matchMovedServices } from './service-moves.ts';

export type { MatchRule } from './matching-state.ts';

export interface RecordMatch {
  /** Index in the older document of the record each newer record continues, or -1. */
  predecessor: Int32Array;
  rule: (MatchRule | null)[];
}

/**
 * Matches the records of one document to those of the document before it.
 * A record with no protocol may be continued by several newer records, one per protocol:
 * the RFCs before 1340 listed a port once, later documents list tcp and udp apart.
 */
export function matchRecords(
  older: readonly RegistryRecord[],
  newer: readonly RegistryRecord[],
  olderVersions?: ArrayLike<number>,
  newerVersions?: ArrayLike<number>,
): RecordMatch {
  const matching = new Matching(older, newer);
  const olderRecord = (a: number): RegistryRecord => older[a] as RegistryRecord;

  // Rule 1a: the same stored version (identical content) continues itself; numbers hash faster than keys.
  if (olderVersions && newerVersions) matchSameVersions(matching, olderVersions, newerVersions);

  // Rule 1b: same port range, protocol and service name (names compare case-insensitively).
  const waiting = matching.waiting();
  if (waiting.length > 0) {
    const exact = new Map<string, number[]>();
    for (const a of matching.openOlder()) pushTo(exact, exactKey(older[a] as RegistryRecord), a);
    for (const b of waiting) {
      const record = newer[b] as RegistryRecord;
      const a = exact.get(exactKey(record))?.find((c) => matching.available(c, record));
      if (a !== undefined) matching.link(a, b, 'exact');
    }
  }

  // Rule 2: same port range and identity where one document states no protocol (RFCs before 1340).
  const rangeAndName = (r: RegistryRecord) => `${rangeKey(r.portRange)}/${identityKey(r)}`;
  matching.pass('protocol-missing', rangeAndName, rangeAndName, (candidates, record) =>
    candidates.find((a) => (olderRecord(a).protocol === null) !== (record.protocol === null)),
  );

  // Rule 3: an ill-formed name replaced by its RFC 6335 well-formed spelling (`whois++` → `whoispp`).
  matching.pass(
    'well-formed-rename',
    (r) => (isNamed(r) ? portKey(r) : null),
    portKey,
    (candidates, record) =>
      candidates.find(
        (a) =>
          protocolsCompatible(olderRecord(a), record) && isWellFormedRename(olderRecord(a), record),
      ),
  );

  // Rule 3b: a new name on the same port and protocol with the same description, or two of its words, is a rename (`www` → `www-http`, `UNTP` → `NNTP`).
  matching.pass(
    'renamed-same-description',
    (r) => (isNamed(r) && r.portRange && textKey(r.description) ? portKey(r) : null),
    (r) => (isNamed(r) ? portKey(r) : null),
    (candidates, record) =>
      candidates.find(
        (a) =>
          protocolsCompatible(olderRecord(a), record) &&
          (textKey(olderRecord(a).description) === textKey(record.description) ||
            sharedDistinctiveWords(olderRecord(a).description, record.description) >= 2),
      ),
  );

  // Rule 4: a record the older document lists without keyword (RFC 739–870): by port and protocol, then description.
  matching.pass(
    'keyword-missing',
    (r) => (isNamed(r) && r.status === 'assigned' ? portKey(r) : null),
    (r) => (isUnnamedService(r) ? portKey(r) : null),
    (candidates, record) => {
      const compatible = candidates.filter((a) => protocolsCompatible(olderRecord(a), record));
      const described = compatible.find(
        (a) => textKey(olderRecord(a).description) === textKey(record.description),
      );
      // The old description may hold the new keyword ("SMTP", then SMTP "Simple Mail Transfer").
      const named = `${record.serviceName ?? ''} ${record.description ?? ''}`;
      return (
        described ?? compatible.find((a) => shareDistinctiveWord(olderRecord(a).description, named))
      );
    },
  );

  // Rule 4b: a keyword-less service re-described in a later RFC ("New Telnet", then "Telnet").
  matching.pass(
    'redescribed',
    (r) => (isUnnamedService(r) ? portKey(r) : null),
    (r) => (isUnnamedService(r) ? portKey(r) : null),
    (candidates, record) =>
      candidates.find(
        (a) =>
          protocolsCompatible(olderRecord(a), record) &&
          shareDistinctiveWord(olderRecord(a).description, record.description),
      ),
  );

  // Rule 5: a service whose port lost it continues as the entry left behind ("Unassigned [was netstat]", "Deprecated June 2004").
  matching.pass(
    'name-withdrawn',
    (r) => (!isNamed(r) ? portKey(r) : null),
    (r) => (isNamed(r) || isUnnamedService(r) ? portKey(r) : null),
    (candidates, record) => {
      const services = candidates.filter(
        (a) =>
          protocolsCompatible(olderRecord(a), record) &&
          (isNamed(olderRecord(a)) || record.status !== 'assigned'),
      );
      const text = `${textKey(record.description) ?? ''} ${textKey(record.notes) ?? ''}`;
      const mentioned = services.find((a) => {
        const name = nameKey(olderRecord(a).serviceName);
        return name !== null && text.includes(name);
      });
      return mentioned ?? services[0];
    },
  );

  // Rule 6: an unnamed Unassigned/Reserved range that shrank, grew or split keeps the lineage of the range it overlaps most.
  matchResizedRanges(matching);

  // Rule 8: `New X` on another port continues `X` beside `Old X` (Telnet from 1 to 23 in 1977).
  matchMovedServices(matching);

  return { predecessor: matching.predecessor, rule: matching.rule };
}

/** First older index per version id, -1 when none: reused across calls, reset after each. */
let firstOlder = new Int32Array(0);
/** Version ids beyond this use a Map: a table that large would cost more than it saves. */
const TABLE_LIMIT = 1 << 22;

function matchSameVersions(
  matching: Matching,
  olderVersions: ArrayLike<number>,
  newerVersions: ArrayLike<number>,
): void {
  let largest = 0;
  for (let a = 0; a < olderVersions.length; a++) {
    largest = Math.max(largest, olderVersions[a] as number);
  }
  const useTable = largest < TABLE_LIMIT && Number.isInteger(largest);
  if (useTable && firstOlder.length <= largest) {
    firstOlder = new Int32Array(Math.max(largest + 1, firstOlder.length * 2)).fill(-1);
  }
  const first = new Map<number, number>();
  const firstOf = (version: number) =>
    useTable && version >= 0 && version < firstOlder.length
      ? (firstOlder[version] as number)
      : (first.get(version) ?? -1);
  // The next older index with the same version (duplicates), -1 for none.
  const next = new Int32Array(olderVersions.length).fill(-1);
  for (let a = olderVersions.length - 1; a >= 0; a--) {
    const version = olderVersions[a] as number;
    next[a] = firstOf(version);
    if (useTable && version >= 0) firstOlder[version] = a;
    else first.set(version, a);
  }
  for (let b = 0; b < newerVersions.length; b++) {
    let a = firstOf(newerVersions[b] as number);
    while (a !== -1 && !matching.open(a)) a = next[a] as number;
    if (a !== -1) matching.link(a, b, 'exact');
  }
  if (useTable) {
    for (let a = 0; a < olderVersions.length; a++) {
      const version = olderVersions[a] as number;
      if (version >= 0) firstOlder[version] = -1;
    }
  }
}

function portKey(record: RegistryRecord): string | null {
  return record.portRange ? rangeKey(record.portRange) : null;
}

function isWellFormedRename(older: RegistryRecord, newer: RegistryRecord): boolean {
  const before = nameKey(older.serviceName);
  const after = nameKey(newer.serviceName);
  if (!before || !after || before === after) return false;
  if (wellFormedName(before) === after) return true;
  const text = `${newer.description ?? ''} ${newer.notes ?? ''}`.toLowerCase();
  return text.includes(`replacement for "${before}"`);
}
