import { describe, expect, it } from 'vitest';
import { isPortbookError } from '../errors.ts';
import {
  classesAt,
  classOf,
  ephemeralRangesContaining,
  freeBlocks,
  mergeRanges,
  nearestFree,
} from './port-space.ts';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isPortbookError(error) ? error.code : 'not a PortbookError';
  }
  return undefined;
}

describe('classOf', () => {
  it.each([
    [80, '1980-01-01', 'rfc739-hosts-specific'],
    [80, '1985-06-01', 'rfc820-assigned-ports'],
    [300, '1991-01-01', 'rfc1060-unix-standard'],
    [1000, '1991-01-01', 'rfc1060-unix-standard'],
    [5000, '1993-01-01', 'rfc1340-registered'],
    [50000, '1999-01-01', 'rfc1340-registered'],
    [50000, '2005-01-01', 'iana-2004-dynamic'],
    [80, '2005-01-01', 'rfc1340-well-known'],
    [443, '2026-01-01', 'rfc6335-system'],
    [8080, '2026-01-01', 'rfc6335-user'],
    [50000, '2026-01-01', 'rfc6335-dynamic'],
  ])('puts port %i on %s in %s', (port, date, id) => {
    expect(classOf(port, date)?.id).toBe(id);
  });

  it('names Registered Ports for 5000 in 1993 and Dynamic Ports for 50000 today', () => {
    expect(classOf(5000, '1993-01-01')?.name).toBe('Registered Ports');
    expect(classOf(50000)?.name).toBe('Dynamic Ports');
  });

  it('finds no class before the first Assigned Numbers RFC, nor above 255 in 1980', () => {
    expect(classOf(7, '1970-01-01')).toBeUndefined();
    expect(classOf(1000, '1980-01-01')).toBeUndefined();
  });

  it('rejects what is not a port or a date', () => {
    expect(codeOf(() => classOf(70000))).toBe('PORT_OUT_OF_RANGE');
    expect(codeOf(() => classOf(-1))).toBe('PORT_OUT_OF_RANGE');
    expect(codeOf(() => classOf(1.5))).toBe('PORT_OUT_OF_RANGE');
    expect(codeOf(() => classOf(80, '2026-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => classesAt('yesterday'))).toBe('INVALID_DATE');
  });
});

describe('classesAt', () => {
  it('lists the three RFC 6335 classes today, and Well Known plus Registered in 1994', () => {
    expect(classesAt('2026-01-01').map((c) => c.id)).toEqual([
      'rfc6335-system',
      'rfc6335-user',
      'rfc6335-dynamic',
    ]);
    expect(classesAt('1994-10-01').map((c) => [c.low, c.high])).toEqual([
      [0, 1023],
      [1024, 65535],
    ]);
  });
});

describe('ephemeralRangesContaining', () => {
  it('finds the systems that may pick a port as a client port', () => {
    expect(ephemeralRangesContaining(50000).map((r) => r.id)).toEqual([
      'windows-vista',
      'linux',
      'freebsd',
      'macos',
    ]);
    expect(ephemeralRangesContaining(3000).map((r) => r.id)).toEqual(['windows-xp']);
    expect(ephemeralRangesContaining(3000, '2020-01-01')).toEqual([]);
    expect(ephemeralRangesContaining(80)).toEqual([]);
  });
});

describe('freeBlocks', () => {
  const occupied = [
    { low: 10, high: 20 },
    { low: 15, high: 30 },
    { low: 31, high: 31 },
    { low: 40, high: 40 },
  ];

  it('returns the maximal free runs inside the window', () => {
    expect(freeBlocks(occupied, { low: 0, high: 50 })).toEqual([
      { low: 0, high: 9 },
      { low: 32, high: 39 },
      { low: 41, high: 50 },
    ]);
  });

  it('keeps only blocks of the asked length', () => {
    expect(freeBlocks(occupied, { low: 0, high: 50 }, 10)).toEqual([
      { low: 0, high: 9 },
      { low: 41, high: 50 },
    ]);
    expect(freeBlocks(occupied, { low: 12, high: 31 })).toEqual([]);
  });

  it('covers the whole port space by default', () => {
    expect(freeBlocks([{ low: 0, high: 49151 }])).toEqual([{ low: 49152, high: 65535 }]);
    expect(codeOf(() => freeBlocks([{ low: 0, high: 70000 }]))).toBe('PORT_OUT_OF_RANGE');
    expect(codeOf(() => freeBlocks([], { low: 0, high: 10 }, 0))).toBe('PORT_OUT_OF_RANGE');
  });

  it('joins touching ranges', () => {
    expect(
      mergeRanges([
        { low: 6064, high: 6064 },
        { low: 6000, high: 6063 },
      ]),
    ).toEqual([{ low: 6000, high: 6064 }]);
  });
});

describe('nearestFree', () => {
  it('returns the port itself when free, else the closest free port, the lower on a tie', () => {
    const occupied = [{ low: 10, high: 20 }];
    expect(nearestFree(5, occupied)).toBe(5);
    expect(nearestFree(12, occupied)).toBe(9);
    expect(nearestFree(18, occupied)).toBe(21);
    expect(nearestFree(15, occupied)).toBe(9);
    expect(nearestFree(0, [{ low: 0, high: 3 }])).toBe(4);
    expect(nearestFree(65535, [{ low: 65530, high: 65535 }])).toBe(65529);
    expect(nearestFree(7, [{ low: 0, high: 65535 }])).toBeNull();
  });
});
