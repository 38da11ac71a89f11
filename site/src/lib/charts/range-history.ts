import { PORT_MAX, type RangeClassDefinition } from '@portbook/core';
import { rangeTone } from '../range-labels.ts';
import { escapeXml, round, svgOpen } from './svg.ts';
import { timeScale, yearTicks } from './time-scale.ts';

const WIDTH = 720;
const HEIGHT = 300;
// Room on top for the names of the thin bands at the top (49152–65535 on a log scale).
const MARGIN = { top: 18, right: 10, bottom: 26, left: 52 };
const PORT_TICKS = [0, 255, 1023, 5000, 49151, 65535];
/** Axis labels closer than this (px) would overlap: the lower one is left out (65535 stays). */
const TICK_GAP = 12;
/** Width of a label's character, to decide whether a band has room for its name. */
const CHAR_WIDTH = 6;

/**
 * The IANA classes through history as bands: time across, port number up on a logarithmic
 * scale so that 0–255 stays as visible as 49152–65535.
 */
export function rangeHistoryChart(classes: readonly RangeClassDefinition[], today: string): string {
  const first = [...classes.map((c) => c.validFrom), today].sort()[0] ?? today;
  const x = timeScale(first, today, MARGIN.left, WIDTH - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (port: number) => MARGIN.top + plotHeight - (Math.log2(port + 1) / 16) * plotHeight;
  const parts = [
    svgOpen(
      'range-history',
      WIDTH,
      HEIGHT,
      'IANA port classes through history',
      classes
        .map((c) => `${c.name} ${c.low}–${c.high} from ${c.validFrom} to ${c.validTo ?? 'today'}`)
        .join('; '),
    ),
  ];
  let lastTick = Number.NEGATIVE_INFINITY;
  for (const port of [...PORT_TICKS].reverse()) {
    if (y(port) - lastTick < TICK_GAP) continue;
    lastTick = y(port);
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${round(y(port) + 4)}" text-anchor="end">${port}</text>`,
    );
  }
  for (const year of yearTicks(first, today)) {
    parts.push(
      `<text x="${round(x(`${year}-01-01`))}" y="${HEIGHT - 8}" text-anchor="middle">${year}</text>`,
    );
  }
  for (const rangeClass of classes) {
    const left = x(rangeClass.validFrom);
    const right = x(rangeClass.validTo ?? today);
    const top = y(rangeClass.high + 1);
    const bottom = y(rangeClass.low);
    parts.push(
      `<rect x="${round(left)}" y="${round(top)}" width="${round(Math.max(1, right - left))}" height="${round(bottom - top)}" class="band ${rangeTone(rangeClass.name)}"><title>${escapeXml(`${rangeClass.name} ${rangeClass.low}–${rangeClass.high}, ${rangeClass.validFrom} to ${rangeClass.validTo ?? 'today'} (${rangeClass.definedBy})`)}</title></rect>`,
    );
  }
  // Each band named inside the drawing where it has room (the rest in the list below the chart).
  for (const rangeClass of classes) {
    const left = x(rangeClass.validFrom);
    const right = x(rangeClass.validTo ?? today);
    const top = y(rangeClass.high + 1);
    const bottom = y(rangeClass.low);
    const label = `${rangeClass.name} ${rangeClass.low}–${rangeClass.high}`;
    const text = label.length * CHAR_WIDTH < right - left - 6 ? label : rangeClass.name;
    if (text.length * CHAR_WIDTH > right - left - 6) continue;
    // A band too thin for its name has it just above, where only the topmost band has room.
    const inside = bottom - top >= 13;
    if (!inside && rangeClass.high !== PORT_MAX) continue;
    const baseline = inside ? (top + bottom) / 2 + 4 : top - 4;
    parts.push(
      `<text x="${round(left + 4)}" y="${round(baseline)}" class="band-label">${escapeXml(text)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
