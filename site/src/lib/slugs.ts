import type { SourceRow } from '@portbook/core';

/**
 * Service names are case-insensitive; characters a path segment cannot carry plainly
 * (`whois++`, `sql*net`, `EtherNet/IP-1`) become `~HH`, which no name contains, so slugs never collide.
 */
export function serviceSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]/g, (character) => `~${hex(character)}`);
}

export function servicePath(name: string): string {
  return `/services/${serviceSlug(name)}/`;
}

export function portPath(port: number): string {
  return `/ports/${port}/`;
}

/**
 * `iana:2026-08-17` → `iana-2026-08-17`, `rfc:1700` → `rfc-1700`: one page per edition, as
 * the timeline holds one document per edition.
 */
export function sourceSlug(source: Pick<SourceRow, 'edition'>): string {
  return source.edition.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function sourcePath(source: Pick<SourceRow, 'edition'>): string {
  return `/history/${sourceSlug(source)}/`;
}

function hex(character: string): string {
  return [...new TextEncoder().encode(character)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('~');
}
