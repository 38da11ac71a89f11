import {
  type ChangeKind,
  type HistorySource,
  type PortEvent,
  type Protocol,
  sourceLabel,
} from '@portbook/core/reader';

export interface DocumentView {
  label: string;
  title: string;
  edition: string;
  published: string;
}

/** One dated event, with the document that first shows it and the one before. */
export interface HistoryEvent {
  date: string;
  kind: ChangeKind;
  /** `diff`: two documents differ; `note`: IANA wrote it down in a note. */
  origin: 'diff' | 'note';
  serviceName: string | null;
  protocol: Protocol | null;
  low: number | null;
  high: number | null;
  fields: Record<string, { before: unknown; after: unknown }> | null;
  evidence: string | null;
  document: DocumentView | null;
  previousDocument: DocumentView | null;
}

export function eventView(event: PortEvent): HistoryEvent {
  return {
    date: event.date,
    kind: event.kind,
    origin: event.origin,
    serviceName: event.serviceName,
    protocol: event.protocol,
    low: event.portLow,
    high: event.portHigh,
    fields: (event.fields as HistoryEvent['fields']) ?? null,
    evidence: event.evidence,
    document: documentView(event.source),
    previousDocument: documentView(event.previousSource),
  };
}

function documentView(source: HistorySource | null): DocumentView | null {
  if (!source) return null;
  return {
    label: sourceLabel(source),
    title: source.title,
    edition: source.edition,
    published: source.published,
  };
}
