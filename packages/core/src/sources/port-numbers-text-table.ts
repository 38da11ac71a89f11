import type { Reference } from '../model.ts';
import { deriveStatus } from '../records/status.ts';
import type { TextLine } from './port-numbers-text-lines.ts';
import { type RecordDraft, type TableEntry, toRegistryRecord } from './port-numbers-text-record.ts';
import { readServiceRow, type TableColumns, withReferences } from './port-numbers-text-row.ts';
import { classifyTag, splitTrailingTags, type Tag } from './port-numbers-text-tags.ts';

/** What a document's bracketed tags stand for: typed references and, for initials, contacts. */
export interface ResolvedTags {
  references: Reference[];
  contacts: string[];
}
export type TagResolver = (tags: readonly Tag[]) => ResolvedTags;

export interface ServiceTableInput {
  /** The lines after the table's header, up to the next section heading. */
  lines: readonly TextLine[];
  columns: TableColumns;
  origin: string;
  resolveTags: TagResolver;
}

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
// Contact lines end with the month of registration: `Doug Royer <Doug&Royer.com> June 2002`.
const REGISTERED = new RegExp(`\\s*\\b(?:(\\d{1,2})\\s+)?(${MONTHS.join('|')})\\s+(\\d{4})$`, 'i');
const LEADING_RFC = /^(RFC[ -]?\d+)\b(.*)$/;
// `#` prose flush left (`# The following entry records an unassigned but widespread use`).
const PROSE_COLUMN = 8;

/**
 * Reads a `keyword port/proto description` table (IANA's port-numbers file, RFC 1340, RFC 1700,
 * RFC 1060's UNIX PORTS). `#` lines after a run of rows name its contact; lower-case lines
 * without an address continue the description above; `#` prose flush left notes the rows below.
 */
export function readServiceTable(input: ServiceTableInput): {
  entries: TableEntry[];
  anomalies: string[];
} {
  const drafts: { line: number; draft: RecordDraft }[] = [];
  const anomalies: string[] = [];
  let group: RecordDraft[] | null = null;
  let contactSeen = false;
  let continuing = false;
  let pendingNotes: string[] = [];
  let groupNotes: string | null = null;

  for (const { number, text } of input.lines) {
    if (text.trim() === '' || text.startsWith('##')) continue;
    const row = readServiceRow(text, input.columns, `${input.origin}, line ${number}`);
    if (row && 'skipped' in row) {
      anomalies.push(`line ${number}: ${row.skipped}; no record`);
      continue;
    }
    if (row) {
      if (group === null || contactSeen || pendingNotes.length > 0) {
        group = [];
        contactSeen = false;
        groupNotes = pendingNotes.length > 0 ? pendingNotes.join('\n') : null;
        pendingNotes = [];
      }
      const resolved = input.resolveTags(row.tags);
      withReferences(row.draft, resolved.references);
      if (resolved.contacts.length > 0) row.draft.contact = resolved.contacts.join('\n');
      if (groupNotes !== null) row.draft.notes = groupNotes;
      group.push(row.draft);
      drafts.push({ line: number, draft: row.draft });
      continuing = true;
      continue;
    }
    const body = text.replace(/^#?\s*/, '');
    const column = text.length - body.length;
    if (!text.startsWith('#') && column === 0) {
      // Flush-left prose (a footnote such as `(*) It is only appropriate …`) closes the table run.
      group = null;
      continuing = false;
      continue;
    }
    if (text.startsWith('#') && column < PROSE_COLUMN && !/[<@&]/.test(body)) {
      // Prose notes the rows below it, unless it says it is about the ones above.
      if (/^the previous\b/i.test(body) && group !== null) addNote(group, body);
      else pendingNotes.push(body);
      continuing = false;
      continue;
    }
    if (group === null) continue;
    const last = group.at(-1);
    if (continuing && last && /^[a-z]/.test(body) && !/[<@&]/.test(body)) {
      last.description = last.description ? `${last.description}\n${body}` : body;
      continue;
    }
    continuing = false;
    contactSeen = true;
    attachContactLine(group, body, input.resolveTags);
  }
  const entries = drafts.map(({ line, draft }) => ({ line, record: toRegistryRecord(draft) }));
  return { entries, anomalies };
}

function attachContactLine(group: RecordDraft[], body: string, resolveTags: TagResolver): void {
  // `RFC 3576 - July 2003` in the contact column cites the RFC instead of naming a person.
  const cited = LEADING_RFC.exec(body);
  const { text: withoutTags, tags } = splitTrailingTags(cited ? (cited[2] ?? '') : body);
  const resolved = resolveTags(
    cited?.[1] ? [...tags, ...[classifyTag(cited[1])].filter(isTag)] : tags,
  );
  const date = REGISTERED.exec(withoutTags);
  const contact = (date ? withoutTags.slice(0, date.index) : withoutTags)
    .replace(/^[\s-]+|[\s,-]+$/g, '')
    .replace(/^<([a-z]+:[^>]+)>$/i, '');
  const registered = date ? registrationDate(date) : null;
  const live = group.filter((draft) => !draft.commented && !isUnassigned(draft));
  const targets = live.length > 0 ? live : group.filter((draft) => !isUnassigned(draft));
  for (const draft of targets) {
    withReferences(draft, resolved.references);
    const contacts = [contact, ...resolved.contacts].filter((text) => text !== '');
    if (contacts.length > 0) {
      draft.contact = [draft.contact, ...contacts].filter(Boolean).join('\n');
    }
    if (registered !== null && !draft.registered) draft.registered = registered;
  }
}

function addNote(group: readonly RecordDraft[], note: string): void {
  for (const draft of group) draft.notes = draft.notes ? `${draft.notes}\n${note}` : note;
}

function isTag(tag: Tag | undefined): tag is Tag {
  return tag !== undefined;
}

function isUnassigned(draft: RecordDraft): boolean {
  return (
    deriveStatus({
      serviceName: draft.serviceName,
      description: draft.description,
      notes: null,
    }) === 'unassigned'
  );
}

/** `June 2002` → `2002-06`; `07 June 2001` → `2001-06-07` (the registry keeps month precision). */
function registrationDate(match: RegExpExecArray): string | null {
  const month = MONTHS.findIndex((name) => name.toLowerCase() === match[2]?.toLowerCase()) + 1;
  const yearMonth = `${match[3]}-${String(month).padStart(2, '0')}`;
  if (match[1] === undefined) return yearMonth;
  const day = Number(match[1]);
  const lastDay = new Date(Date.UTC(Number(match[3]), month, 0)).getUTCDate();
  return day >= 1 && day <= lastDay ? `${yearMonth}-${String(day).padStart(2, '0')}` : yearMonth;
}
