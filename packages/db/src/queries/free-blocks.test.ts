import { describe, expect, it } from 'vitest';
import { gapsBetween, nearestGapPort } from './free-blocks.ts';

describe('gapsBetween', () => {
  const occupied = [
    { low: 10, high: 12 },
    { low: 11, high: 15 },
    { low: 20, high: 20 },
  ];
  it('returns the gaps around overlapping ranges, clipped to the interval', () => {
    expect(gapsBetween(occupied, { low: 0, high: 30 })).toEqual([
      { low: 0, high: 9 },
      { low: 16, high: 19 },
      { low: 21, high: 30 },
    ]);
    expect(gapsBetween(occupied, { low: 12, high: 19 })).toEqual([{ low: 16, high: 19 }]);
  });
  it('drops gaps shorter than the minimum length', () => {
    expect(gapsBetween(occupied, { low: 0, high: 30 }, 5)).toEqual([
      { low: 0, high: 9 },
      { low: 21, high: 30 },
    ]);
  });
  it('finds the nearest free port, or null when all are taken', () => {
    expect(nearestGapPort(occupied, 13, { low: 0, high: 30 })).toBe(16);
    expect(nearestGapPort(occupied, 11, { low: 0, high: 30 })).toBe(9);
    expect(nearestGapPort(occupied, 5, { low: 0, high: 30 })).toBe(5);
    expect(nearestGapPort([{ low: 0, high: 30 }], 5, { low: 0, high: 30 })).toBeNull();
  });
});
