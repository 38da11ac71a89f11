import type { AssignmentRow } from '../snapshot/rows.ts';
import type { SoftwareRow, SoftwareUseRow } from './model.ts';

/** A single-port default on a port IANA assigns today to another service, on a shared protocol. */
export interface SoftwareConflict {
  software: SoftwareRow;
  use: SoftwareUseRow;
  port: number;
  /** The current assigned records on the port naming other services, in IANA's order. */
  assignments: readonly AssignmentRow[];
}

/**
 * IANA names whose protocol is written otherwise in a purpose ("DNS", not "domain"): the
 * names the software data set meets on its own ports, read from the registry's descriptions.
 */
const OTHER_WORDS: Readonly<Record<string, readonly string[]>> = {
  domain: ['dns'],
  bootps: ['dhcp', 'dhcpv4'],
  bootpc: ['dhcp', 'dhcpv4'],
  'dhcpv6-server': ['dhcpv6'],
  'dhcpv6-client': ['dhcpv6'],
  isakmp: ['ike'],
  'ipsec-nat-t': ['ike', 'ipsec'],
  stuns: ['stun'],
  turns: ['turn'],
};

/** Words of a program's name too common to say two things are the same service. */
const COMMON_WORDS = new Set([
  'apache',
  'data',
  'microsoft',
  'network',
  'open',
  'protocol',
  'remote',
  'server',
  'service',
  'services',
  'system',
  'windows',
]);

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Whether `phrase` (a service name, hyphens and all) stands as a whole word in `text`. */
function hasPhrase(text: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if (!(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after))) return true;
    from = at + 1;
  }
}

/**
 * Whether a record names the service the program offers there: the record's service name (or
 * its usual word) stands in the program's name or the use's purpose ("ssh" in "sshd listening
 * for SSH connections", "http-alt" as "HTTP"), or a distinctive word of the program's name
 * stands in the record's name or description ("PostgreSQL" in "PostgreSQL Database").
 */
export function namesSameService(
  software: SoftwareRow,
  use: SoftwareUseRow,
  record: Pick<AssignmentRow, 'serviceName' | 'description'>,
): boolean {
  const name = (record.serviceName ?? '').toLowerCase();
  if (!name) return false;
  const ours = `${software.id.replace(/-/g, ' ')} ${software.name} ${use.purpose}`.toLowerCase();
  const spellings = [name, name.replace(/-alt$/, ''), ...(OTHER_WORDS[name] ?? [])];
  if (spellings.some((spelling) => hasPhrase(ours, spelling))) return true;
  const theirs = new Set(words(`${name} ${record.description ?? ''}`));
  const distinctive = words(`${software.id} ${software.name}`).filter(
    (word) => word.length >= 4 && !COMMON_WORDS.has(word),
  );
  return distinctive.some((word) => theirs.has(word));
}

/**
 * The conflict of one use with the records on its port: none for a range (a program picks
 * from it, it does not sit on each port), none when any record there names the program's own
 * service; otherwise the assigned records on a protocol the use shares.
 */
export function conflictOf(
  software: SoftwareRow,
  use: SoftwareUseRow,
  currentRecords: readonly AssignmentRow[],
): SoftwareConflict | undefined {
  if (use.low !== use.high) return undefined;
  const shared = currentRecords.filter(
    (row) =>
      row.status === 'assigned' &&
      row.serviceName !== null &&
      row.validTo === null &&
      row.protocol !== null &&
      use.protocols.includes(row.protocol),
  );
  if (shared.length === 0) return undefined;
  if (shared.some((row) => namesSameService(software, use, row))) return undefined;
  return { software, use, port: use.low, assignments: shared };
}
