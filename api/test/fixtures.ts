import {
  type Person,
  type Protocol,
  RECORD_FIELDS,
  type Reference,
  type RegistryRecord,
  type SourceDocument,
  type Status,
} from '@portbook/core';
import { type Database, importDocuments } from '@portbook/db';

/** A small hand-written registry in two IANA editions: a rename, a removal, a range, unassigned space. */
const rfc = (n: number): Reference => ({ type: 'rfc', data: `rfc${n}`, text: `RFC${n}` });

function record(
  serviceName: string | null,
  port: number | [number, number],
  protocol: Protocol,
  description: string,
  extra: Partial<RegistryRecord> = {},
): RegistryRecord {
  const [low, high] = typeof port === 'number' ? [port, port] : port;
  const status: Status = serviceName
    ? 'assigned'
    : /reserved/i.test(description)
      ? 'reserved'
      : 'unassigned';
  return {
    serviceName,
    portRange: { low, high },
    protocol,
    description,
    assignee: null,
    contact: null,
    registered: null,
    modified: null,
    references: [],
    serviceCode: null,
    unauthorizedUse: null,
    notes: null,
    status,
    ...extra,
  };
}

const PEOPLE: Person[] = [
  { id: 'IESG', name: 'IESG', org: null, uri: 'mailto:iesg@ietf.org', updated: null },
  {
    id: 'Randall_Stewart',
    name: 'Randall Stewart',
    org: null,
    uri: 'mailto:randall@lakerest.net',
    updated: '2008-01-01',
  },
  {
    id: 'Stephen_Gildea',
    name: 'Stephen Gildea',
    org: null,
    uri: 'mailto:gildea@stop.mail-abuse.org',
    updated: null,
  },
];

const iesg = { assignee: 'IESG', contact: 'IESG' };

/** Records both editions state unchanged. */
const STABLE: RegistryRecord[] = [
  record(null, 0, 'tcp', 'Reserved'),
  record(null, [4, 4], 'tcp', 'Unassigned'),
  record('ssh', 22, 'tcp', 'The Secure Shell (SSH) Protocol', {
    ...iesg,
    references: [rfc(4251)],
    registered: '2006-01-01',
  }),
  record('ssh', 22, 'udp', 'The Secure Shell (SSH) Protocol', { ...iesg, references: [rfc(4251)] }),
  record('ssh', 22, 'sctp', 'SSH', {
    assignee: 'Randall_Stewart',
    contact: 'Randall_Stewart',
    references: [rfc(4960)],
  }),
  record(null, [23, 62], 'tcp', 'Unassigned'),
  record('http', 80, 'tcp', 'World Wide Web HTTP', { references: [rfc(9110)] }),
  record('kerberos-adm', 749, 'tcp', 'kerberos administration'),
  record('x11', [6000, 6063], 'tcp', 'X Window System', {
    assignee: 'Stephen_Gildea',
    registered: '1988-01',
  }),
  record('x11', [6000, 6063], 'udp', 'X Window System', { assignee: 'Stephen_Gildea' }),
];

export const OLD_DOCUMENT: SourceDocument = {
  kind: 'iana-xml',
  edition: 'iana:2020-01-08',
  title: 'Service Name and Transport Protocol Port Number Registry',
  published: '2020-01-08',
  origin: 'fixture:2020-01-08.xml',
  sha256: 'a'.repeat(64),
  fields: RECORD_FIELDS,
  people: PEOPLE,
  records: [
    ...STABLE,
    record('whois++', 63, 'tcp', 'whois++'),
    record('chatter', 7000, 'tcp', 'Chatter service'),
    record('https', 443, 'tcp', 'http protocol over TLS/SSL', { references: [rfc(2818)] }),
  ],
};

export const NEW_DOCUMENT: SourceDocument = {
  ...OLD_DOCUMENT,
  edition: 'iana:2026-08-17',
  published: '2026-08-17',
  origin: 'fixture:2026-08-17.xml',
  sha256: 'b'.repeat(64),
  records: [
    ...STABLE,
    record('whoispp', 63, 'tcp', 'whois++', {
      notes:
        'This entry is an alias to "whois++". This entry is now the replacement for "whois++".',
    }),
    record(null, 7000, 'tcp', 'Unassigned'),
    record('https', 443, 'tcp', 'http protocol over TLS/SSL', {
      references: [rfc(9110)],
      modified: '2022-06-01',
    }),
    record('https', 443, 'udp', 'HTTP/3', { references: [rfc(9114)], registered: '2022-06-01' }),
  ],
};

/** Imports the fixture registry through the real importer, as `portbook import` would. */
export async function seedFixtures(database: Database): Promise<void> {
  await importDocuments(database, [OLD_DOCUMENT, NEW_DOCUMENT]);
}
