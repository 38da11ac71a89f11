import type { ChangeKind, Status } from '@portbook/core';
import { portRangeText } from './record-view.ts';

// The site's wording of changes, former holders and gaps: every page prints these sentences.

/** What a record said, enough to name it when it has no service name. */
export interface RecordFacts {
  status: Status;
  serviceName: string | null;
  description: string | null;
}

/** A change, or one event on several protocols, as plain data. */
export interface ChangeFacts {
  kind: ChangeKind;
  serviceName: string | null;
  portLow: number | null;
  portHigh: number | null;
  protocols: readonly string[];
  fields?: Record<string, { before: unknown; after: unknown } | undefined> | null;
  /** The record as the change left it (added, modified, de-assigned)… */
  after?: RecordFacts | undefined;
  /** …and as it stood before (removed, modified). */
  before?: RecordFacts | undefined;
}

/** `added ftp on 21/tcp`, `added an Unassigned record for 11372-11599`, `removed netstat from 15/tcp`. */
export function changeSentence(change: ChangeFacts): string {
  const where = placeText(change);
  const record =
    change.kind === 'removed' ? (change.before ?? change.after) : (change.after ?? change.before);
  const named = change.serviceName ?? record?.serviceName ?? null;
  const status = record?.status;
  const unnamedStatus = !named && (status === 'unassigned' || status === 'reserved');
  const article = change.kind === 'added' ? 'an' : 'the';
  const what = named
    ? named
    : unnamedStatus
      ? `${status === 'unassigned' ? `${article} Unassigned` : `${article === 'an' ? 'a' : 'the'} Reserved`} record`
      : record?.description
        ? `“${oneLine(record.description)}”`
        : `${article === 'an' ? 'a' : 'the'} record`;
  const on = where ? ` ${unnamedStatus ? 'for' : 'on'} ${where}` : ' (no port)';
  switch (change.kind) {
    case 'added':
      return `added ${what}${on}`;
    case 'removed':
      return `removed ${what}${where ? ` from ${where}` : ' (no port)'}`;
    case 'deassigned':
      return `de-assigned ${what}${on}`;
    case 'renamed': {
      const rename = change.fields?.serviceName;
      return rename
        ? `renamed ${show(rename.before)} to ${show(rename.after)}${on}`
        : `renamed ${what}${on}`;
    }
    default:
      return `changed ${what}${on}`;
  }
}

/** `21/tcp`, `22 (tcp, udp)`, `11372-11599`; empty without a port. */
export function placeText(change: Pick<ChangeFacts, 'portLow' | 'portHigh' | 'protocols'>): string {
  if (change.portLow === null) return change.protocols.join(', ');
  const port = portRangeText(change.portLow, change.portHigh);
  if (change.protocols.length === 0) return port;
  if (change.protocols.length === 1) return `${port}/${change.protocols[0]}`;
  return `${port} (${change.protocols.join(', ')})`;
}

/** `description: “Who is up or NETSTAT” → “Unassigned [was netstat]”`, one per changed field. */
export function fieldDetails(
  fields: Record<string, { before: unknown; after: unknown } | undefined> | null | undefined,
): string[] {
  return Object.entries(fields ?? {}).flatMap(([field, change]) =>
    change ? [`${field}: ${show(change.before)} → ${show(change.after)}`] : [],
  );
}

/** One era of a port before today: a holder's name and years, or a time it stood unassigned. */
export interface FormerEra {
  /** The service name, or the record's description when it had none (the early RFCs). */
  label: string;
  /** Other names the same record carried in that era (NETSTAT for “Who is up or NETSTAT”). */
  aliases: string[];
  unassigned: boolean;
  from: string;
  to: string;
}

/** `“Who is up or NETSTAT” (NETSTAT) 1977–1987; Unassigned 1987–1990; netstat 1990–1992`. */
export function formerText(eras: readonly FormerEra[]): string {
  return eras
    .map((era) => {
      const years = `${era.from.slice(0, 4)}–${era.to.slice(0, 4)}`;
      if (era.unassigned) return `Unassigned ${years}`;
      const name = era.label === era.aliases[0] ? era.label : quoteUnlessName(era.label);
      const aliases = era.aliases.filter((alias) => alias !== era.label);
      return `${name}${aliases.length > 0 ? ` (${aliases.join(', ')})` : ''} ${years}`;
    })
    .join('; ');
}

/** A stretch of years no document of the timeline covers. */
export interface DocumentGap {
  /** The documents either side. */
  from: string;
  to: string;
}

/** `No document survives from 1994-10-01 to 2004-01-08`; changes in between show on the later date. */
export function gapText(gap: DocumentGap): string {
  return `No document survives between ${gap.from} and ${gap.to}: a change made in those years shows on ${gap.to}.`;
}

/** `1 port`, `16,384 ports`. */
export function portCount(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'port' : 'ports'}`;
}

function quoteUnlessName(text: string): string {
  return /^[\w.+-]+$/.test(text) ? text : `“${text}”`;
}

/** Text as one line: a registry field's line breaks (`IETF TSVWG` / `Randall Stewart`) become commas. */
export function oneLine(text: string): string {
  return text
    .split(/\s*(?:\r?\n|\\n)\s*/)
    .filter(Boolean)
    .join(', ')
    .replace(/\s+/g, ' ')
    .trim();
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string') {
    const line = oneLine(value);
    return `“${line.length > 120 ? `${line.slice(0, 119)}…` : line}”`;
  }
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
