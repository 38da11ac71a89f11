import type { Paint } from './style.ts';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => string;
  /** The column that gives way when a line would pass `width` (a description, a purpose). */
  shrinks?: boolean;
}

const MIN_SHRUNK = 12;

/**
 * Rows as aligned columns under a dim header, two spaces apart. When `width` is given, the
 * shrinking column is cut (with `…`) so each line fits it; the last column is never padded.
 */
export function formatTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  paint: Paint,
  width?: number,
): string[] {
  const cells = rows.map((row) => columns.map((column) => oneLine(column.cell(row))));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const shrinking = columns.findIndex((column) => column.shrinks);
  if (width !== undefined && shrinking >= 0) {
    const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1);
    const over = total - width;
    const current = widths[shrinking] ?? 0;
    if (over > 0) widths[shrinking] = Math.max(MIN_SHRUNK, current - over);
  }
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => {
        const w = widths[index] ?? 0;
        const fitted = value.length > w ? `${value.slice(0, Math.max(0, w - 1))}…` : value;
        return index === values.length - 1 ? fitted : fitted.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [paint('dim', line(columns.map((column) => column.header))), ...cells.map(line)];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
