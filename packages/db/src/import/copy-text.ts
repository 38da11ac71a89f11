/** A value as COPY's text format reads it; objects are written as JSON (for jsonb columns). */
export type CopyValue = string | number | boolean | null | undefined | object;

const SPECIAL = /[\\\n\r\t]/g;
const HAS_SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeText(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : text;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(JSON.stringify(value));
}

/** Rows in PostgreSQL's COPY text format: tab-separated fields, one line per row. */
export function copyText(rows: Iterable<readonly CopyValue[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(copyField).join('\t'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
