import { describe, expect, it } from 'vitest';
import { serviceSlug, sourceSlug } from './slugs.ts';

describe('slugs', () => {
  it('keeps ordinary service names readable and folds case', () => {
    expect(serviceSlug('ssh')).toBe('ssh');
    expect(serviceSlug('NETSTAT')).toBe('netstat');
    expect(serviceSlug('LiebDevMgmt_A')).toBe('liebdevmgmt_a');
    expect(serviceSlug('z39.50')).toBe('z39.50');
  });

  it('escapes names a path segment cannot carry, without collisions', () => {
    expect(serviceSlug('EtherNet/IP-1')).toBe('ethernet~2fip-1');
    expect(serviceSlug('whois++')).toBe('whois~2b~2b');
    expect(serviceSlug('sql*net')).not.toBe(serviceSlug('sql-net'));
  });

  it('names a document page after its edition', () => {
    expect(sourceSlug({ edition: 'iana:2026-08-17' })).toBe('iana-2026-08-17');
    expect(sourceSlug({ edition: 'rfc:1700' })).toBe('rfc-1700');
  });
});
