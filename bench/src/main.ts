import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchSuite, Measurement } from './harness.ts';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));

function formatValue(value: number, unit: string): string {
  if (unit !== 'ms') return `${value.toFixed(value < 100 ? 1 : 0)} ${unit}`;
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}

function table(rows: { suite: string; measurement: Measurement }[]): string {
  const lines = rows.map(({ suite, measurement: m }) => [
    suite,
    m.name,
    formatValue(m.value, m.unit),
    m.baseline ? `${m.baseline.name}: ${formatValue(m.baseline.value, m.unit)}` : '',
    m.baseline ? `${(m.value / m.baseline.value).toFixed(1)}x` : '',
    m.aim ? `${m.aim.met ? 'met' : 'MISSED'}: ${m.aim.text}` : '',
  ]);
  const header = ['suite', 'measurement', 'value', 'baseline (same run)', 'ratio', 'aim'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join(
    '\n',
  );
}

/** Runs every `*.bench.ts` beside this file (or those named on the command line), one after another. */
const filters = process.argv.slice(2);
const files = readdirSync(SRC)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
const rows: { suite: string; measurement: Measurement }[] = [];
for (const file of files) {
  const suite = (await import(`./${file}`)).default as BenchSuite;
  process.stderr.write(`bench: ${suite.title} (${file})\n`);
  try {
    await suite.run((measurement) => {
      rows.push({ suite: suite.title, measurement });
      const value = formatValue(measurement.value, measurement.unit);
      process.stderr.write(`  ${measurement.name}: ${value}\n`);
    });
  } catch (error) {
    // One broken suite should not hide the others' figures.
    process.stderr.write(`bench: ${suite.title} failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
}
process.stdout.write(`${table(rows)}\n`);
mkdirSync(RESULTS, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(`${RESULTS}${stamp}.json`, JSON.stringify(rows, null, 2));
