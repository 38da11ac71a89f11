import type { AssignmentRow, PortEvent, RegistrySnapshot } from '@portbook/core';
import { portTimelineChart, type TimelineRow } from './charts/port-timeline.ts';
import { gapBefore } from './document-gaps.ts';
import { formerEras } from './former-eras.ts';
import { portRangeText } from './record-view.ts';
import {
  type ChangeFacts,
  changeSentence,
  type DocumentGap,
  type FormerEra,
  fieldDetails,
} from './sentences.ts';
import { sourcePath } from './slugs.ts';
import { sourceLabel } from './source-label.ts';

/** Rows drawn at most; the event list below the drawing keeps everything. */
const MAX_ROWS = 16;

/** One dated event of a port's history, ready to print. */
export interface PortEventLine {
  id: string;
  /** The events this line stands for: the same event on several protocols is one line. */
  ids: string[];
  date: string;
  kind: PortEvent['kind'];
  /** `added ssh on 22 (tcp, udp)`. */
  sentence: string;
  details: string[];
  /** The years without a document before this event's document: it happened some time in them. */
  gap: DocumentGap | undefined;
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
  /** What held the port before and no longer does, with the Unassigned years between. */
  former: FormerEra[];
  /** Gaps in the documents, drawn on the timeline and stated under it. */
  gaps: readonly DocumentGap[];
}

export interface PortHistoryInput {
  snapshot: RegistrySnapshot;
  /** Every version of every record containing the port, and its events, as the snapshot has them. */
  records: readonly AssignmentRow[];
  events: readonly PortEvent[];
  /** The first document of the timeline and today: every port's drawing shares this axis. */
  first: string;
  today: string;
  gaps: readonly DocumentGap[];
}

/**
 * A port's history from the records and events that contain it. It does not depend on the
 * port number, so ports sharing their records (inside one Unassigned range) share the result.
 */
export function buildPortHistory(input: PortHistoryInput): PortHistory {
  const rows = timelineRows(input.records);
  const shown = rows.slice(-MAX_ROWS);
  const events = eventLines(input.events, input);
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
            input.gaps,
          ),
    events,
    neverAssigned: !input.records.some((record) => record.status === 'assigned'),
    hiddenRows: rows.length - shown.length,
    former: formerEras(input.records),
    gaps: input.gaps,
  };
}

/** One row per lineage, oldest first; each version a period labelled by its name or description. */
function timelineRows(records: readonly AssignmentRow[]): TimelineRow[] {
  const byLineage = new Map<string, AssignmentRow[]>();
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

function periodText(record: AssignmentRow | undefined): string {
  return record?.serviceName ?? record?.description?.split('\n')[0] ?? record?.status ?? '';
}

/** One line per event; the same event on tcp and udp (most of them) is one line naming both. */
function eventLines(events: readonly PortEvent[], input: PortHistoryInput): PortEventLine[] {
  const { snapshot } = input;
  const recordOf = (versionId: number | null | undefined) =>
    versionId == null ? undefined : snapshot.recordVersion(versionId);
  const lines = new Map<string, { line: PortEventLine; facts: ChangeFacts }>();
  for (const event of events) {
    const source = event.source ? snapshot.source(event.source.id) : undefined;
    const change = snapshot.change(event.id);
    const facts: ChangeFacts = {
      ...event,
      protocols: event.protocol ? [event.protocol] : [],
      after: recordOf(change?.afterVersionId),
      before: recordOf(change?.beforeVersionId),
    };
    const line: PortEventLine = {
      id: event.id,
      ids: [event.id],
      date: event.date,
      kind: event.kind,
      sentence: '',
      details: fieldDetails(event.fields),
      evidence: event.evidence,
      gap: event.origin === 'diff' ? gapBefore(event.date, input.gaps) : undefined,
      source: source && { label: sourceLabel(source), path: sourcePath(source) },
    };
    // Lines that differ only by protocol are one event: key on everything else.
    const key = JSON.stringify([
      { ...line, id: '', ids: [] },
      facts.portLow,
      facts.portHigh,
      changeSentence({ ...facts, protocols: [] }),
    ]);
    const known = lines.get(key);
    if (known) {
      known.facts = { ...known.facts, protocols: [...known.facts.protocols, ...facts.protocols] };
      known.line.ids.push(event.id);
    } else lines.set(key, { line, facts });
  }
  return [...lines.values()].map(({ line, facts }) => ({
    ...line,
    sentence: changeSentence(facts),
  }));
}
