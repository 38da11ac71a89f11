import { describe, expect, it } from 'vitest';
import { acceptedEncodings, matchesEtag, servableRange } from './static-site.ts';

describe('acceptedEncodings', () => {
  it('drops the codings a client refuses with q=0 and keeps the rest', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toBe('gzip, deflate, br');
    expect(acceptedEncodings('gzip, br;q=0')).toBe('gzip');
    expect(acceptedEncodings('br;q=0.0, gzip;q=0.5')).toBe('gzip;q=0.5');
    expect(acceptedEncodings('br;q=0.1')).toBe('br;q=0.1');
    expect(acceptedEncodings(undefined)).toBe('');
  });
});

describe('servableRange', () => {
  it('keeps one FIRST-LAST or FIRST- range and ignores every other form', () => {
    expect(servableRange('bytes=0-99', undefined)).toBe('bytes=0-99');
    expect(servableRange('bytes=100-', undefined)).toBe('bytes=100-');
    for (const range of ['bytes=-500', 'bytes=0-1,5-9', 'bytes=9-5', 'items=0-1', 'bytes=a-b']) {
      expect(servableRange(range, undefined), range).toBeUndefined();
    }
    expect(servableRange('bytes=0-99', '"etag"')).toBeUndefined();
    expect(servableRange(undefined, undefined)).toBeUndefined();
  });
});

describe('matchesEtag', () => {
  it('compares weakly, reads lists and `*`', () => {
    expect(matchesEtag('W/"16-1"', 'W/"16-1"')).toBe(true);
    expect(matchesEtag('"16-1"', 'W/"16-1"')).toBe(true);
    expect(matchesEtag('"a", W/"16-1"', 'W/"16-1"')).toBe(true);
    expect(matchesEtag('*', 'W/"16-1"')).toBe(true);
    expect(matchesEtag('"16-2"', 'W/"16-1"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"16-1"')).toBe(false);
    expect(matchesEtag('"16-1"', undefined)).toBe(false);
  });
});
