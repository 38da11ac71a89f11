import { IANA_RANGE_CLASSES } from '@portbook/core';
import { describe, expect, it } from 'vitest';
import { rangeHistoryChart } from './range-history.ts';

describe('rangeHistoryChart', () => {
  const svg = rangeHistoryChart(IANA_RANGE_CLASSES, '2026-11-26');

  it('keeps port labels on the axis at least 12 px apart', () => {
    const axis = [...svg.matchAll(/<text x="46" y="([\d.]+)" text-anchor="end">(\d+)<\/text>/g)];
    expect(axis.map((m) => m[2])).toEqual(['65535', '5000', '1023', '255', '0']);
    const ys = axis.map((m) => Number(m[1])).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++)
      expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(12);
  });

  it("names today's classes inside the drawing", () => {
    const labels = [...svg.matchAll(/class="band-label">([^<]+)</g)].map((m) => m[1]);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^User Ports/),
        expect.stringMatching(/^Dynamic Ports/),
      ]),
    );
  });
});
