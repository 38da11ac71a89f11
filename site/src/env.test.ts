import { describe, expect, it } from 'vitest';
import { siteEnv, siteLink } from './env.ts';

describe('siteEnv', () => {
  it('reads the public URL and the port pages to build, with every port by default', () => {
    expect(siteEnv({})).toEqual({ siteUrl: undefined, ports: { low: 0, high: 65535 } });
    expect(
      siteEnv({ PORTBOOK_SITE_URL: 'https://ports.example.org', PORTBOOK_SITE_PORTS: '0-1100' }),
    ).toEqual({ siteUrl: 'https://ports.example.org/', ports: { low: 0, high: 1100 } });
  });

  it('refuses a setting it cannot use, with a stable code', () => {
    expect(() => siteEnv({ PORTBOOK_SITE_URL: 'ports.example.org' })).toThrow(
      expect.objectContaining({ code: 'SITE_BUILD_FAILED' }),
    );
    expect(() => siteEnv({ PORTBOOK_SITE_PORTS: '100-5' })).toThrow(/0-1100/);
    expect(() => siteEnv({ PORTBOOK_SITE_PORTS: '0-70000' })).toThrow(/0-1100/);
  });
});

describe('siteLink', () => {
  it('is absolute on the public URL, else the path itself', () => {
    expect(siteLink('/ports/22/', 'https://ports.example.org/')).toBe(
      'https://ports.example.org/ports/22/',
    );
    expect(siteLink('/ports/22/', undefined)).toBe('/ports/22/');
  });
});
