import type { DocumentGap } from '../sentences.ts';
import { ticks } from './bar-chart.ts';
import { escapeXml, round, svgOpen } from './svg.ts';
import { timeScale, yearTicks } from './time-scale.ts';

export interface GrowthChartInput {
  /** The registry's assigned records on one day a week, oldest first. */
  weeks: readonly { date: string; assigned: number }[];
  /** Each document's date and how many changes it brought. */
  releases: readonly { date: string; changes: number }[];
  gaps: readonly DocumentGap[];
}

export interface GrowthChartOptions {
  id: string;
  title: string;
  description: string;
}

const WIDTH = 720;
const HEIGHT = 380;
const LEFT = 56;
const RIGHT = WIDTH - 12;
/** Two panels sharing one time axis: the registry's size above, changes per document below. */
const SIZE = { title: 14, top: 26, bottom: 206 };
const CHANGES = { title: 234, top: 244, bottom: 324 };
const AXIS = { labels: 342, title: 372 };

/**
 * The registry's size week by week as a step line, and each document's changes as a spike on
 * a log scale (the 2013 XML adds some 13,000 records; most releases change a handful).
 */
export function registryGrowthChart(input: GrowthChartInput, options: GrowthChartOptions): string {
  const first = input.weeks[0];
  const last = input.weeks.at(-1);
  const parts = [svgOpen(options.id, WIDTH, HEIGHT, options.title, options.description)];
  if (!first || !last) return `${parts[0]}</svg>`;
  const x = timeScale(first.date, last.date, LEFT, RIGHT);
  const maxAssigned = Math.max(1, ...input.weeks.map((week) => week.assigned));
  const ySize = (value: number) => SIZE.bottom - (value / maxAssigned) * (SIZE.bottom - SIZE.top);
  const maxChanges = Math.max(1, ...input.releases.map((release) => release.changes));
  const logMax = Math.log10(maxChanges + 1);
  const yChanges = (value: number) =>
    CHANGES.bottom - (Math.log10(value + 1) / logMax) * (CHANGES.bottom - CHANGES.top);

  for (const gap of input.gaps) {
    const from = x(gap.from);
    parts.push(
      `<rect x="${round(from)}" y="${SIZE.top}" width="${round(x(gap.to) - from)}" height="${CHANGES.bottom - SIZE.top}" class="gap"><title>${escapeXml(`No document from ${gap.from} to ${gap.to}`)}</title></rect>`,
    );
  }
  for (const tick of ticks(maxAssigned)) {
    parts.push(gridline(ySize(tick)), tickLabel(ySize(tick), tick));
  }
  for (const tick of powersOfTen(maxChanges)) {
    parts.push(gridline(yChanges(tick)), tickLabel(yChanges(tick), tick));
  }
  for (const year of yearTicks(first.date, last.date)) {
    const at = round(x(`${year}-01-01`));
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${SIZE.top}" y2="${CHANGES.bottom}" class="grid"/>`,
      `<text x="${at}" y="${AXIS.labels}" text-anchor="middle">${year}</text>`,
    );
  }

  let line = `M${round(x(first.date))} ${round(ySize(first.assigned))}`;
  let previous = first.assigned;
  for (const week of input.weeks.slice(1)) {
    if (week.assigned === previous) continue;
    line += `H${round(x(week.date))}V${round(ySize(week.assigned))}`;
    previous = week.assigned;
  }
  line += `H${round(x(last.date))}`;
  parts.push(
    `<path d="${line}V${SIZE.bottom}H${round(x(first.date))}Z" class="area"/>`,
    `<path d="${line}" class="line"/>`,
  );
  const spikes = input.releases
    .filter((release) => release.changes > 0)
    .map((r) => `M${round(x(r.date))} ${CHANGES.bottom}V${round(yChanges(r.changes))}`)
    .join('');
  if (spikes) parts.push(`<path d="${spikes}" class="spikes"/>`);

  parts.push(
    `<text x="${LEFT}" y="${SIZE.title}" class="axis-title">Assigned records</text>`,
    `<text x="${LEFT}" y="${CHANGES.title}" class="axis-title">Changes per document (log scale)</text>`,
    `<text x="${(LEFT + RIGHT) / 2}" y="${AXIS.title}" text-anchor="middle" class="axis-title">Date, week by week</text>`,
    '</svg>',
  );
  return parts.join('');
}

function gridline(y: number): string {
  return `<line x1="${LEFT}" x2="${RIGHT}" y1="${round(y)}" y2="${round(y)}" class="grid"/>`;
}

function tickLabel(y: number, value: number): string {
  return `<text x="${LEFT - 6}" y="${round(y + 4)}" text-anchor="end">${value.toLocaleString('en-US')}</text>`;
}

/** 1, 10, 100 … up to `max`: a log axis labelled on round numbers. */
export function powersOfTen(max: number): number[] {
  const values: number[] = [];
  for (let value = 1; value <= max; value *= 10) values.push(value);
  return values;
}
