import { describe, expect, it } from 'vitest';
import { registryGrowthChart } from './charts/registry-growth.ts';
import { registryGrowth, weeklyDates } from './registry-growth.ts';

describe('weeklyDates', () => {
  it('takes every seventh day and ends on the last document', () => {
    expect(weeklyDates('2026-01-01', '2026-01-20')).toEqual([
      '2026-01-01',
      '2026-01-08',
      '2026-01-15',
      '2026-01-20',
    ]);
    expect(weeklyDates('2026-01-01', '2026-01-01')).toEqual(['2026-01-01']);
  });
});

describe('registryGrowth and its chart', () => {
  // A registry of 10 records growing to 12 on 2020-01-15, as a snapshot would count it.
  const snapshot = {
    assignedRecordCounts: (dates: readonly string[]) =>
      dates.map((date) => (date < '2020-01-15' ? 10 : 12)),
  };
  const releases = [
    { date: '2020-01-01', changes: 10 },
    { date: '2020-01-15', changes: 2 },
    { date: '2020-03-01', changes: 0 },
  ];
  const growth = registryGrowth(releases, [], snapshot);

  it('samples the size once a week from the first document to the last', () => {
    expect(growth.weeks.map((week) => week.date)).toEqual(weeklyDates('2020-01-01', '2020-03-01'));
    expect(growth.weeks.map((week) => week.assigned).slice(0, 3)).toEqual([10, 10, 12]);
  });

  it('draws one step where the size changes, a spike per changing document, labelled axes', () => {
    const svg = registryGrowthChart(growth, { id: 'g', title: 'Growth', description: 'd' });
    const line = /<path d="([^"]+)" class="line"\/>/.exec(svg)?.[1] ?? '';
    expect(line.match(/V/g)).toHaveLength(1);
    const spikes = /<path d="([^"]+)" class="spikes"\/>/.exec(svg)?.[1] ?? '';
    expect(spikes.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('>Assigned records</text>');
    expect(svg).toContain('>Changes per document (log scale)</text>');
    expect(svg).toContain('>2020</text>');
    expect(svg).toContain('role="img" aria-labelledby="g-t g-d"');
  });

  it('keeps tick labels of one axis at least a line apart', () => {
    const big = registryGrowth(
      [
        { date: '1972-01-01', changes: 13_000 },
        { date: '2026-01-01', changes: 1 },
      ],
      [{ from: '1994-01-01', to: '2004-01-01' }],
      { assignedRecordCounts: (dates) => dates.map((_, index) => index) },
    );
    const svg = registryGrowthChart(big, { id: 'g', title: 'G', description: 'd' });
    const labels = [
      ...svg.matchAll(/<text x="(\d+(?:\.\d+)?)" y="(\d+(?:\.\d+)?)" text-anchor="(end|middle)">/g),
    ];
    const byAxis = (anchor: string) =>
      labels.filter((m) => m[3] === anchor).map((m) => Number(anchor === 'end' ? m[2] : m[1]));
    const minGap = (values: number[]) =>
      Math.min(
        ...values
          .sort((a, b) => a - b)
          .slice(1)
          .map((v, i) => v - (values[i] as number)),
      );
    expect(minGap(byAxis('end'))).toBeGreaterThanOrEqual(11);
    expect(minGap(byAxis('middle'))).toBeGreaterThanOrEqual(40);
    expect(svg).toContain('No document from 1994-01-01 to 2004-01-01');
  });
});
