import {
  fieldDetails,
  type PortEvent,
  portEvents,
  portRangeText,
  sourceLabel,
} from '@portbook/core';
import type { Assignment, Change, Source } from '@portbook/db';
import { portTimelineChart, type TimelineRow } from './charts/port-timeline.ts';
import { sourcePath } from './slugs.ts';

/** Rows drawn at most; the event list below the drawing keeps everything. */
const MAX_ROWS = 16;

/** One dated event of a port's history, ready to print. */
export interface PortEventLine {
  id: string;
  date: string;
  kind: PortEvent['kind'];
  where: string;
  serviceName: string | null;
  details: string[];
  evidence: string | null;
  source: { label: string; path: string } | undefined;
}

export interface PortHistory {
  /** The drawing: one bar per record version, from the first document to today. */
  chart: string | undefined;
  events: PortEventLine[];
  /** Every record of every era at this port was unassigned (or there was none). */
  neverAssigned: boolean;
  /** Lineages left out of the drawing. */
  hiddenRows: number;
  /** Services that held the port before and no longer do, with the years they held it. */
  former: { name: string; from: string; to: string }[];
}

export interface PortHistoryInput {
  records: readonly Assignment[];
  changes: readonly Change[];
  sources: readonly Source[];
  sourceById: ReadonlyMap<number, Source>;
  /** The first document of the timeline and today: every port's drawing shares this axis. */
  first: string;
  today: string;
}

/**
 * A port's history from the records and changes that contain it. It does not depend on the
 * port number, so ports sharing their records (inside one Unassigned range) share the result.
 */
export function buildPortHistory(input: PortHistoryInput): PortHistory {
  const rows = timelineRows(input.records);
  const shown = rows.slice(-MAX_ROWS);
  const events = eventLines(portEvents(input.changes, input.sources), input.sourceById);
  return {
    chart:
      shown.length === 0
        ? undefined
        : portTimelineChart(
            'timeline',
            'The records of this port through history',
            shown,
            input.first,
            input.today,
          ),
    events,
    neverAssigned: !input.records.some((record) => record.status === 'assigned'),
    hiddenRows: rows.length - shown.length,
    former: formerServices(input.records),
  };
}

/** Names assigned here in some era but in no record of today, case folded, earliest first. */
function formerServices(records: readonly Assignment[]): PortHistory['former'] {
  const today = new Set(
    records
      .filter((r) => r.validTo === null && r.serviceName)
      .map((r) => r.serviceName?.toLowerCase()),
  );
  const spans = new Map<string, { name: string; from: string; to: string }>();
  for (const record of records) {
    if (record.status !== 'assigned' || !record.serviceName || record.validTo === null) continue;
    const key = record.serviceName.toLowerCase();
    if (today.has(key)) continue;
    const span = spans.get(key);
    if (!span)
      spans.set(key, { name: record.serviceName, from: record.validFrom, to: record.validTo });
    else {
      if (record.validFrom < span.from) span.from = record.validFrom;
      if (record.validTo > span.to) span.to = record.validTo;
    }
  }
  return [...spans.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** One row per lineage, oldest first; each version a period labelled by its name or description. */
function timelineRows(records: readonly Assignment[]): TimelineRow[] {
  const byLineage = new Map<string, Assignment[]>();
  for (const record of records) {
    const list = byLineage.get(record.lineage);
    if (list) list.push(record);
    else byLineage.set(record.lineage, [record]);
  }
  return [...byLineage.values()]
    .map((versions) => versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom)))
    .sort((a, b) => (a[0]?.validFrom ?? '').localeCompare(b[0]?.validFrom ?? ''))
    .map((versions) => {
      const latest = versions.at(-1);
      const range =
        latest && latest.portLow !== latest.portHigh
          ? portRangeText(latest.portLow, latest.portHigh)
          : '';
      return {
        label: `${latest?.protocol ?? 'any'} ${latest?.serviceName ?? (range || periodText(latest))}`,
        periods: versions.map((version) => ({
          from: version.validFrom,
          to: version.validTo,
          status: version.status,
          text: periodText(version),
        })),
      };
    });
}

function periodText(record: Assignment | undefined): string {
  return record?.serviceName ?? record?.description?.split('\n')[0] ?? record?.status ?? '';
}

/** One line per event; the same event on tcp and udp (most of them) is one line naming both. */
function eventLines(
  events: readonly PortEvent[],
  sourceById: ReadonlyMap<number, Source>,
): PortEventLine[] {
  const lines = new Map<string, { line: PortEventLine; port: string; protocols: string[] }>();
  for (const event of events) {
    const source = event.source ? sourceById.get(event.source.id) : undefined;
    const port = event.portLow === null ? '' : portRangeText(event.portLow, event.portHigh);
    const line: PortEventLine = {
      id: event.id,
      date: event.date,
      kind: event.kind,
      where: '',
      serviceName: event.serviceName,
      details: fieldDetails(event.fields),
      evidence: event.evidence,
      source: source && { label: sourceLabel(source), path: sourcePath(source) },
    };
    const key = JSON.stringify({ ...line, id: '', port });
    const known = lines.get(key);
    const protocols = event.protocol ? [event.protocol] : [];
    if (known) known.protocols.push(...protocols);
    else lines.set(key, { line, port, protocols });
  }
  return [...lines.values()].map(({ line, port, protocols }) => ({
    ...line,
    where: [port, protocols.join(', ')].filter(Boolean).join(' ') || 'no port',
  }));
}
