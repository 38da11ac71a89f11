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

/** The exact identity of a record in one document: port range, protocol and service name. */
export function exactKey(record: RegistryRecord): string {
  return `${rangeKey(record.portRange)}/${record.protocol ?? '*'}/${nameKey(record.serviceName) ?? ''}`;
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
