import { escapeXml, round, svgOpen } from './svg.ts';

export interface Bar {
  label: string;
  value: number;
  /** Tooltip text; defaults to `label: value`. */
  note?: string;
}

export interface BarChartOptions {
  id: string;
  title: string;
  description: string;
  width?: number;
  height?: number;
  /** Label every nth bar on the axis, so dense charts stay legible. */
  labelEvery?: number;
}

const MARGIN = { top: 12, right: 8, bottom: 28, left: 48 };

/** A vertical bar chart as static SVG, drawn at build time. */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 240;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const step = plotWidth / Math.max(1, bars.length);
  const labelEvery = options.labelEvery ?? Math.max(1, Math.ceil(bars.length / 12));
  const parts = [svgOpen(options.id, width, height, options.title, options.description)];
  for (const tick of ticks(max)) {
    const y = MARGIN.top + plotHeight - (tick / max) * plotHeight;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${round(y)}" y2="${round(y)}" class="grid"/>`,
      `<text x="${MARGIN.left - 6}" y="${round(y + 4)}" text-anchor="end">${tick.toLocaleString('en-US')}</text>`,
    );
  }
  bars.forEach((bar, index) => {
    const barHeight = (bar.value / max) * plotHeight;
    const x = MARGIN.left + index * step;
    parts.push(
      `<rect x="${round(x + step * 0.1)}" y="${round(MARGIN.top + plotHeight - barHeight)}" width="${round(step * 0.8)}" height="${round(barHeight)}" class="bar"><title>${escapeXml(bar.note ?? `${bar.label}: ${bar.value.toLocaleString('en-US')}`)}</title></rect>`,
    );
    if (index % labelEvery === 0) {
      parts.push(
        `<text x="${round(x + step / 2)}" y="${height - 8}" text-anchor="middle">${escapeXml(bar.label)}</text>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Three or four round gridline values up to `max`. */
export function ticks(max: number): number[] {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10;
  const values: number[] = [];
  for (let value = 0; value <= max; value += step) values.push(value);
  return values;
}
