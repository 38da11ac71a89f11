import { describe, expect, it } from 'vitest';
import { barChart, ticks } from './bar-chart.ts';

describe('barChart', () => {
  const svg = barChart(
    [
      { label: '2019', value: 10 },
      { label: '2020', value: 40 },
    ],
    { id: 'demo', title: 'Per year', description: 'Two years & more' },
  );

  it('is an image with a title and a description for screen readers', () => {
    expect(svg).toMatch(
      /^<svg class="chart" viewBox="0 0 720 240" role="img" aria-labelledby="demo-t demo-d"/,
    );
    expect(svg).toContain('<desc id="demo-d">Two years &amp; more</desc>');
  });

  it('scales bars to the largest value', () => {
    const heights = [...svg.matchAll(/height="([\d.]+)" class="bar"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]).toBeCloseTo((heights[0] ?? 0) * 4, 0);
  });
});

describe('ticks', () => {
  it('picks round gridline values', () => {
    expect(ticks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks(14_533)).toEqual([0, 5000, 10000]);
  });
});
