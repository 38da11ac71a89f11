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
 * IANA names whose protocol a purpose writes otherwise ("DNS", not "domain"; a "web UI" is
 * HTTP): the names the software data set meets on its own ports, read from their descriptions.
 */
const OTHER_WORDS: Readonly<Record<string, readonly string[]>> = {
  bootpc: ['dhcp', 'dhcpv4'],
  bootps: ['dhcp', 'dhcpv4'],
  'dhcpv6-client': ['dhcpv6'],
  'dhcpv6-server': ['dhcpv6'],
  domain: ['dns'],
  http: ['web'],
  https: ['web'],
  ircs: ['irc'],
  'ircs-u': ['irc'],
  ircu: ['irc'],
  isakmp: ['ike'],
  'ipsec-nat-t': ['ike', 'ipsec'],
  'macromedia-fcs': ['rtmp'],
  mdns: ['bonjour', 'avahi'],
  'microsoft-ds': ['smb'],
  'ms-wbt-server': ['rdp', 'remote desktop'],
  mysql: ['mariadb'],
  printer: ['lpd'],
  rfb: ['vnc'],
  ssdp: ['dlna', 'upnp'],
  stuns: ['stun'],
  sunrpc: ['rpcbind', 'portmapper'],
  turns: ['turn'],
  wsman: ['winrm', 'ws-management'],
  wsmans: ['winrm', 'ws-management'],
};

/**
 * Words too common to say two texts name the same service: a record's "Secure Data Replicator
 * Protocol" and a purpose's "data replication" share only these.
 */
const COMMON_WORDS = new Set(
  (
    'access admin agent and api apache application audio cache call client cluster connection ' +
    'console control daemon data database default discovery file for from game gateway http https ' +
    'interface internal legacy listener local management manager media message messaging ' +
    'metrics microsoft monitor monitoring name network node open over port protocol proxy ' +
    'public remote secure server service session ssl storage stream streaming system tcp the ' +
    'tls traffic transfer udp user via video voice web windows with'
  ).split(' '),
);

/** A text's words, a trailing plural `s` dropped, so "connections" meets "connection". */
const words = (text: string) =>
  (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((word) =>
    word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word,
  );

const distinctive = (text: string) =>
  words(text).filter((word) => word.length >= 3 && !COMMON_WORDS.has(word));

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
 * Whether a record names the service the program offers there, by any of:
 * - the record's name, or its usual word, stands in the program's name or the use's purpose
 *   ("ssh" in "sshd listening for SSH connections", `http-alt` as "HTTP", `domain` as "DNS");
 * - the record's name and a word of the program's name start alike (`memcache`, Memcached);
 * - a distinctive word of the record's description stands in the program's name or purpose
 *   ("NETBIOS Name Service" and "NetBIOS name service (nmbd)"; "PostgreSQL Database").
 */
export function namesSameService(
  software: SoftwareRow,
  use: SoftwareUseRow,
  record: Pick<AssignmentRow, 'serviceName' | 'description'>,
): boolean {
  const name = (record.serviceName ?? '').toLowerCase();
  if (!name) return false;
  const ours = `${software.id.replace(/-/g, ' ')} ${software.name} ${use.purpose}`.toLowerCase();
  const base = name.replace(/-alt$/, '');
  const spellings = [name, base, ...(OTHER_WORDS[name] ?? []), ...(OTHER_WORDS[base] ?? [])];
  if (spellings.some((spelling) => hasPhrase(ours, spelling))) return true;
  const programWords = distinctive(`${software.id.replace(/-/g, ' ')} ${software.name}`);
  const startAlike = (a: string, b: string) =>
    Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
  if (programWords.some((word) => startAlike(word, name))) return true;
  const ourWords = new Set(distinctive(ours));
  return distinctive(`${name.replace(/-/g, ' ')} ${record.description ?? ''}`).some((word) =>
    ourWords.has(word),
  );
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
