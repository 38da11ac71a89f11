import { fieldDetails, portRangeText } from '@portbook/core/reader';
import type { TextOptions } from '../terminal/output.ts';
import type { HistoryEvent } from './history-event.ts';
import type { History } from './history-result.ts';

const KIND_COLOUR = {
  added: 'green',
  removed: 'red',
  deassigned: 'red',
  modified: 'yellow',
  renamed: 'cyan',
} as const;

/** A timeline as text: one line per event (date, kind, record, document), details indented. */
export function formatHistory(history: History, { paint }: TextOptions): string {
  const subject =
    history.kind === 'port' ? `port ${history.port}` : history.names.join(', ') || history.query;
  if (history.events.length === 0) return `no history for ${subject}\n`;
  const first = history.events[0]?.date;
  const last = history.events.at(-1)?.date;
  const lines = [
    `${paint('bold', `history of ${subject}`)}  ${history.events.length} events, ${first} to ${last}`,
    '',
  ];
  if (history.statements.length > 0) {
    lines.push(
      paint('dim', 'before the socket lists (quoted from the RFCs, not registry records):'),
    );
    for (const statement of history.statements) {
      lines.push(`${statement.date}  ${statement.summary}  ${paint('dim', statement.definedBy)}`);
    }
    lines.push('');
  }
  const whereWidth = Math.max(...history.events.map((event) => where(event).length));
  const nameWidth = Math.max(...history.events.map((event) => (event.serviceName ?? '—').length));
  for (const event of history.events) {
    lines.push(
      [
        event.date,
        paint(KIND_COLOUR[event.kind], event.kind.padEnd(10)),
        where(event).padEnd(whereWidth),
        (event.serviceName ?? '—').padEnd(nameWidth),
        paint('dim', documentText(event)),
      ].join('  '),
    );
    for (const detail of fieldDetails(event.fields)) lines.push(`            ${detail}`);
    if (event.evidence) lines.push(paint('dim', `            note: ${oneLine(event.evidence)}`));
  }
  return `${lines.join('\n')}\n`;
}

function where(event: HistoryEvent): string {
  const port = event.low === null ? 'no port' : portRangeText(event.low, event.high);
  return event.protocol ? `${port}/${event.protocol}` : port;
}

function documentText(event: HistoryEvent): string {
  if (!event.document) return '';
  const origin = event.origin === 'note' ? 'note in ' : '';
  return `${origin}${event.document.label}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
