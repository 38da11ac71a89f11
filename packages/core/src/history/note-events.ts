import type { RegistryRecord } from '../model.ts';

/** An event IANA wrote into a record's description or notes. */
export interface NoteEvent {
  kind: 'deassigned' | 'removed' | 'renamed';
  /** The date the note states (YYYY-MM-DD; the 1st when it names only a month), or null. */
  occurred: string | null;
  /** The line of the description or notes the event was read from. */
  evidence: string;
  /** The name the entry had before, when the note says (`[was netstat]`, `previously compressnet`). */
  formerName: string | null;
}

const NAME = String.raw`[A-Za-z0-9][\w.+*/-]*`;

/** Markers in the order they are tried on each line; the first that matches names the event. */
const MARKERS: readonly {
  kind: NoteEvent['kind'];
  pattern: RegExp;
  formerName?: RegExp;
}[] = [
  // RFC 6335 clean-up: `IANA assigned this well-formed service name as a replacement for "whois++".`
  {
    kind: 'renamed',
    pattern: /replacement for "[^"]+"/i,
    formerName: /replacement for "([^"]+)"/i,
  },
  // `De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]`
  {
    kind: 'deassigned',
    pattern: /\bde-?assigned\b/i,
    formerName: new RegExp(String.raw`previously (${NAME}) by\b`, 'i'),
  },
  // `De-registered (2001 June 07)`, `De-Registered`
  { kind: 'deassigned', pattern: /\bde-?registered\b/i },
  // `Previously assigned to NETCONF over SOAP but released by [RFC9900]`, `FRP-Released 12/7/00`
  { kind: 'deassigned', pattern: /\breleased\b/i },
  // `This entry is being removed on 2013-05-24.`, `Unassigned (Removed on 2007-09-06)`
  { kind: 'removed', pattern: /\bremoved\b/i },
  // `Deprecated June 2004`: the entry lost its assignment (its description became "unassigned").
  { kind: 'deassigned', pattern: /\bdeprecated\b/i },
  // `Unassigned [was netstat]`
  {
    kind: 'deassigned',
    pattern: /\[was [^\]]+\]/i,
    formerName: new RegExp(String.raw`\[was (${NAME})\]`, 'i'),
  },
];

const TRIGGER = /assigned|registered|released|removed|deprecated|replacement|\[was /i;

/** Reads the events a record's description and notes state, one per line at most. */
export function readNoteEvents(record: RegistryRecord): NoteEvent[] {
  const text = [record.description, record.notes].filter(Boolean).join('\n');
  if (!TRIGGER.test(text)) return [];
  const events: NoteEvent[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    const marker = MARKERS.find(({ pattern }) => pattern.test(line));
    if (!marker) continue;
    events.push({
      kind: marker.kind,
      occurred: statedDate(line),
      evidence: line,
      formerName: marker.formerName?.exec(line)?.[1] ?? null,
    });
  }
  return events;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(January|February|March|April|May|June|July|August|September|October|November|December)`;

/** The first date a line states, in any of the spellings IANA used from 2000 to today. */
export function statedDate(line: string): string | null {
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(line);
  if (m) return isoDate(m[1], m[2], m[3]);
  m = new RegExp(String.raw`\b(\d{1,2}) ${MONTH},? (\d{4})\b`, 'i').exec(line);
  if (m) return isoDate(m[3], monthNumber(m[2]), m[1]);
  m = new RegExp(String.raw`\b(\d{4}),? ${MONTH} (\d{1,2})\b`, 'i').exec(line);
  if (m) return isoDate(m[1], monthNumber(m[2]), m[3]);
  m = new RegExp(String.raw`\b${MONTH} (\d{1,2}), (\d{4})\b`, 'i').exec(line);
  if (m) return isoDate(m[3], monthNumber(m[1]), m[2]);
  m = new RegExp(String.raw`\b${MONTH},? (\d{4})\b`, 'i').exec(line);
  if (m) return isoDate(m[2], monthNumber(m[1]), '1');
  // US style with a two-digit year, as in `FRP-Released 12/7/00`.
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{2})\b/.exec(line);
  if (m) return isoDate(`${Number(m[3]) < 70 ? 20 : 19}${m[3]}`, m[1], m[2]);
  return null;
}

function monthNumber(name: string | undefined): string {
  return String(MONTHS.indexOf((name ?? '').toLowerCase()) + 1);
}

function isoDate(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): string | null {
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}
