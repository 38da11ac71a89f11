import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures/snapshot.ts';
import { buildServicePages } from './service-pages.ts';

const pages = buildServicePages(await fixtureSnapshot());
const page = (slug: string) => pages.find((p) => p.slug === slug);

describe('buildServicePages', () => {
  it('gives a service its ports and protocols today', () => {
    expect(page('ssh')?.current.map((r) => [r.low, r.protocol])).toEqual([
      [22, 'sctp'],
      [22, 'tcp'],
      [22, 'udp'],
    ]);
    expect(page('ssh')?.title).toBe('ssh — service name, port 22');
  });

  it('folds the case of a name across eras and keeps what it was before', () => {
    const netstat = page('netstat');
    expect(netstat?.current).toEqual([]);
    expect(netstat?.past.map((r) => [r.description, r.validFrom, r.validTo])).toEqual([
      ['Who is up or NETSTAT', '1977-11-01', '1987-05-01'],
    ]);
  });

  it('leads an old name to the new one, and back', () => {
    expect(page('whois~2b~2b')?.laterNames).toEqual([
      { name: 'whoispp', kind: 'replacement', path: '/services/whoispp/' },
    ]);
    expect(page('whois~2b~2b')?.title).toBe('whois++ — former service name, now whoispp');
    expect(page('whoispp')?.formerNames.map((n) => n.name)).toEqual(['whois++']);
  });

  it('indexes for search the services no single-port page answers for', () => {
    expect(page('ssh')?.searchable).toBe(false);
    expect(page('x11')?.searchable).toBe(true);
    expect(page('airplay')?.searchable).toBe(true);
  });
});
