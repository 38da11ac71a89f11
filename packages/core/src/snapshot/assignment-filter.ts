import type { Protocol, Status } from '../model.ts';
import type { AssignmentRow, PersonRecordRow } from './rows.ts';
import { validOn } from './validity.ts';

/** The one filter every list of records shares (ports, services, the /services export). */
export interface AssignmentFilter {
  /** Read the registry as of this date; undefined for the current registry. */
  at?: string | undefined;
  protocols?: readonly Protocol[] | undefined;
  /** Records overlapping this inclusive interval of ports. */
  within?: { low: number; high: number } | undefined;
  statuses?: readonly Status[] | undefined;
  /** Registration / modification dates, inclusive; partial dates (`YYYY-MM`) compare as text. */
  registeredFrom?: string | undefined;
  registeredTo?: string | undefined;
  modifiedFrom?: string | undefined;
  modifiedTo?: string | undefined;
  /** A reference as the registry writes it: `RFC6335`, `rfc6335`, `draft-ietf-…`, a person id. */
  reference?: string | undefined;
  /** A person id (`Jon_Postel`) or part of a person's name, assignee or contact. */
  person?: string | undefined;
  /** Words of the service name, description or notes: every word, as the start of a word. */
  text?: string | undefined;
  /** Only records with a service name (the ones `/etc/services` can list). */
  named?: boolean | undefined;
}

/** `RFC 6335`, `[RFC6335]` and `rfc6335` all mean the reference stored as `rfc6335`. */
export function normalizeReference(reference: string): string {
  const trimmed = reference.trim().replace(/^\[|\]$/g, '');
  const rfc = /^rfc\s*-?\s*(\d+)$/i.exec(trimmed);
  return rfc ? `rfc${Number(rfc[1])}` : trimmed;
}

/** Lower-case words of a text, as both the records and the queries are cut into. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A record's words as one string, each preceded by a space, for prefix tests by `includes`. */
export function recordText(row: AssignmentRow): string {
  return ` ${wordsOf([row.serviceName, row.description, row.notes].filter(Boolean).join(' ')).join(' ')}`;
}

/** A word of a query matches a word of a record that starts with it, plural or not (`ports` → `port`). */
function wordMatches(word: string, text: string): boolean {
  const stem = word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
  return text.includes(` ${stem}`);
}

/**
 * A predicate for the filter, prepared once per list: people named like `person` are found
 * once, not once per record (and only read when the filter names a person). `textOf` gives a
 * record's `recordText` (kept by the snapshot).
 */
export function assignmentPredicate(
  filter: AssignmentFilter,
  people: () => readonly PersonRecordRow[],
  textOf: (row: AssignmentRow) => string,
): (row: AssignmentRow) => boolean {
  const protocols = filter.protocols?.length ? new Set(filter.protocols) : undefined;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : undefined;
  const reference = filter.reference ? normalizeReference(filter.reference).toLowerCase() : '';
  const person = filter.person?.trim() ?? '';
  const named = person
    ? new Set(
        people()
          .filter((p) => p.name?.toLowerCase().includes(person.toLowerCase()))
          .map((p) => p.id),
      )
    : undefined;
  const words = filter.text ? wordsOf(filter.text) : [];
  return (row) => {
    if (!validOn(row, filter.at)) return false;
    if (protocols && (row.protocol === null || !protocols.has(row.protocol))) return false;
    if (filter.within) {
      if (row.portLow === null || row.portHigh === null) return false;
      if (row.portLow > filter.within.high || row.portHigh < filter.within.low) return false;
    }
    if (statuses && !statuses.has(row.status)) return false;
    if (!inDates(row.registered, filter.registeredFrom, filter.registeredTo)) return false;
    if (!inDates(row.modified, filter.modifiedFrom, filter.modifiedTo)) return false;
    if (reference && !row.references.some((r) => r.data.toLowerCase() === reference)) return false;
    if (named) {
      const ids = [row.assigneeId, row.contactId];
      if (!ids.some((id) => id !== null && (id === person || named.has(id)))) return false;
    }
    if (words.length) {
      const recorded = textOf(row);
      if (!words.every((word) => wordMatches(word, recorded))) return false;
    }
    if (filter.named && row.serviceName === null) return false;
    return true;
  };
}

function inDates(value: string | null, from: string | undefined, to: string | undefined) {
  if (from === undefined && to === undefined) return true;
  if (value === null) return false;
  return (from === undefined || value >= from) && (to === undefined || value <= to);
}
