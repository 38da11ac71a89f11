import type { PortRange, RegistryRecord } from '../model.ts';

/** Service names compare case-insensitively: RFCs 900–1060 wrote keywords upper case (`NETSTAT`). */
export function nameKey(name: string | null): string | null {
  const trimmed = name?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

/** Free text as a diff compares it: documents re-wrapped and re-spaced the same words. */
export function spacedText(text: string | null): string | null {
  return text?.replace(/\s+/g, ' ').trim() || null;
}

/** Free text as matching compares it: also ignoring case, which the RFCs varied between editions. */
export function textKey(text: string | null): string | null {
  return spacedText(text)?.toLowerCase() ?? null;
}

export function rangeKey(range: PortRange | null): string {
  return range ? `${range.low}-${range.high}` : '-';
}

/**
 * What names a record within its port and protocol: its service name; for an assigned record
 * without one (RFCs 739–870 had no keywords) its description; for an Unassigned, Reserved or
 * withdrawn entry, the mere fact that nothing is assigned.
 */
export function identityKey(record: RegistryRecord): string {
  const name = nameKey(record.serviceName);
  if (name !== null) return name;
  return record.status === 'assigned' ? `=${textKey(record.description) ?? ''}` : '~';
}

/** The exact identity of a record in one document: port range, protocol and identity. */
export function exactKey(record: RegistryRecord): string {
  return `${rangeKey(record.portRange)}/${record.protocol ?? '*'}/${identityKey(record)}`;
}

/** An assigned record without service name, as the RFCs before 900 list every port. */
export function isUnnamedService(record: RegistryRecord): boolean {
  return !isNamed(record) && record.status === 'assigned';
}

/** Words too common in descriptions to tell two services apart. */
const COMMON_WORDS = new Set(
  'the and for with old new protocol service services server system systems network unassigned reserved'.split(
    ' ',
  ),
);

function distinctiveWords(text: string | null): Set<string> {
  return new Set(
    (textKey(text) ?? '').split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !COMMON_WORDS.has(w)),
  );
}

/** How many distinctive words two descriptions share ("New Telnet" and "Telnet": one). */
export function sharedDistinctiveWords(a: string | null, b: string | null): number {
  const first = distinctiveWords(a);
  return [...distinctiveWords(b)].filter((word) => first.has(word)).length;
}

/** Two descriptions name the same service if they share a distinctive word. */
export function shareDistinctiveWord(a: string | null, b: string | null): boolean {
  return sharedDistinctiveWords(a, b) > 0;
}

/** RFC 6335 section 5.1 allows only letters, digits and hyphens; IANA mapped `+` to `p` and others to `-`. */
export function wellFormedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\+/g, 'p')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function isNamed(record: RegistryRecord): boolean {
  return nameKey(record.serviceName) !== null;
}

export function overlap(a: PortRange, b: PortRange): number {
  return Math.max(0, Math.min(a.high, b.high) - Math.max(a.low, b.low) + 1);
}

/** A document that states no protocol for a record speaks for every protocol. */
export function protocolsCompatible(a: RegistryRecord, b: RegistryRecord): boolean {
  return a.protocol === b.protocol || a.protocol === null || b.protocol === null;
}
