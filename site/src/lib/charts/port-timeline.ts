import type { Status } from '@portbook/core';
import type { DocumentGap } from '../sentences.ts';
import { escapeXml, round, svgOpen } from './svg.ts';
import { timeScale, yearTicks } from './time-scale.ts';

/** One bar: a record as it stood over one period. */
export interface TimelinePeriod {
  from: string;
  /** Exclusive; null while current. */
  to: string | null;
  status: Status;
  text: string;
}

/** One row per record lineage, e.g. `tcp ssh`. */
export interface TimelineRow {
  label: string;
  periods: TimelinePeriod[];
}

const WIDTH = 720;
const LABEL = 170;
const ROW = 20;
const AXIS = 22;
/** Room above the rows for the gaps' labels. */
const GAP_LABEL = 14;

/** A port's records through time as bars on one time axis, first document to today. */
export function portTimelineChart(
  id: string,
  title: string,
  rows: readonly TimelineRow[],
  first: string,
  today: string,
  gaps: readonly DocumentGap[] = [],
): string {
  const top = gaps.length > 0 ? GAP_LABEL : 0;
  const height = top + rows.length * ROW + AXIS + 4;
  const x = timeScale(first, today, LABEL, WIDTH - 8);
  // The event list under the drawing holds the detail; the description only says what it shows.
  const versions = rows.reduce((sum, row) => sum + row.periods.length, 0);
  const gapWords = gaps.map((gap) => `${gap.from.slice(0, 4)}–${gap.to.slice(0, 4)}`).join(' and ');
  const summary = `${versions} record versions in ${rows.length} rows, one row per record, each bar spanning the dates the documents stated it.${gaps.length > 0 ? ` Shaded: no document survives from ${gapWords}.` : ''}`;
  const parts = [svgOpen(id, WIDTH, height, title, summary)];
  for (const gap of gaps) {
    const left = x(gap.from);
    const width = x(gap.to) - left;
    parts.push(
      `<rect x="${round(left)}" y="0" width="${round(width)}" height="${height - AXIS}" class="gap"/>`,
      `<text x="${round(left + width / 2)}" y="11" text-anchor="middle" class="gap-label">${width > 66 ? 'no document' : 'gap'}</text>`,
    );
  }
  for (const year of yearTicks(first, today)) {
    const at = round(x(`${year}-01-01`));
    parts.push(
      `<line x1="${at}" x2="${at}" y1="0" y2="${height - AXIS}" class="grid"/>`,
      `<text x="${at}" y="${height - 6}" text-anchor="middle">${year}</text>`,
    );
  }
  rows.forEach((row, index) => {
    const rowTop = top + index * ROW + 2;
    parts.push(
      `<text x="${LABEL - 6}" y="${rowTop + 13}" text-anchor="end">${escapeXml(shorten(row.label, 24))}</text>`,
    );
    for (const period of row.periods) {
      const left = x(period.from);
      const right = x(period.to ?? today);
      parts.push(
        `<rect x="${round(left)}" y="${rowTop + 2}" width="${round(Math.max(2, right - left))}" height="${ROW - 6}" class="st-${period.status}"><title>${escapeXml(`${period.text}: ${period.from} to ${period.to ?? 'today'}`)}</title></rect>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
