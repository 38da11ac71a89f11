import { describe, expect, it } from 'vitest';
import {
  browserBlockedPort,
  browserBlockedSince,
  isBrowserBlocked,
  loadBrowserBlockedPorts,
} from './browser-blocked.ts';

// Typed by hand from the "bad port" table of the Fetch standard (fetch.bs) at whatwg/fetch
// commit 586cd2a44c2a865b37c166dc0740f3fb8bb220d6, committed 2026-07-02.
const FETCH_BAD_PORTS_2026_07_02 = [
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
];

describe('browser-blocked ports', () => {
  const data = loadBrowserBlockedPorts();

  it('holds exactly the Fetch standard list it was compared with', () => {
    expect(data.standard.commit).toBe('586cd2a44c2a865b37c166dc0740f3fb8bb220d6');
    expect(data.standard.date).toBe('2026-07-02');
    expect(data.ports.map((p) => p.port)).toEqual(FETCH_BAD_PORTS_2026_07_02);
  });

  it('dates each addition by the commit to the standard that made it', () => {
    const added = (port: number) => browserBlockedPort(port)?.added;
    expect(added(6000)).toBe('2016-03-10');
    expect(added(6697)).toBe('2018-05-31');
    expect(added(5060)).toBe('2020-11-05');
    expect(added(1723)).toBe('2021-03-10');
    expect(added(10080)).toBe('2021-04-14');
    expect(added(990)).toBe('2021-06-14');
    expect(added(4190)).toBe('2024-04-02');
    expect(added(6679)).toBe('2024-04-02');
    expect(added(0)).toBe('2025-08-11');
    for (const entry of data.ports)
      expect(entry.citation.url).toMatch(
        /^https:\/\/github\.com\/whatwg\/fetch\/commit\/[0-9a-f]{40}$/,
      );
  });

  it('answers whether browsers refuse a port, and since when', () => {
    expect(isBrowserBlocked(6667)).toBe(true);
    expect(isBrowserBlocked(8080)).toBe(false);
    expect(browserBlockedSince(8080)).toBeUndefined();
    expect(browserBlockedSince(10080)).toBe('2021-01-26');
    expect(isBrowserBlocked(10080, '2020-12-31')).toBe(false);
    expect(isBrowserBlocked(10080, '2021-02-01')).toBe(true);
    expect(browserBlockedSince(554)).toBe('2020-12-05');
    expect(isBrowserBlocked(4190, '2024-04-01')).toBe(false);
    expect(isBrowserBlocked(4190, '2024-04-02')).toBe(true);
    expect(browserBlockedSince(25)).toBe('2001-08-15');
    expect(browserBlockedSince(6667)).toBe('2016-03-10');
  });

  it('rejects what is not a port or a date with a stable code', () => {
    expect(() => isBrowserBlocked(65536)).toThrow(
      expect.objectContaining({ code: 'PORT_OUT_OF_RANGE' }),
    );
    expect(() => isBrowserBlocked(80, '2021/01/01')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
