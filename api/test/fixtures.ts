import type { Protocol, Reference, Status } from '@portbook/core';
import {
  assignments,
  type Db,
  nameLinks,
  people,
  recordVersions,
  sources,
  syncRuns,
} from '@portbook/db';

/** A small hand-written registry: two IANA editions, a rename, a range, unassigned space. */
export const EDITIONS = {
  old: { id: 1, edition: 'iana:2020-01-08', published: '2020-01-08', sha256: 'a'.repeat(64) },
  new: { id: 2, edition: 'iana:2026-08-17', published: '2026-08-17', sha256: 'b'.repeat(64) },
} as const;

interface FixtureRecord {
  serviceName: string | null;
  port: [number, number];
  protocol: Protocol;
  description: string;
  status?: Status;
  assignee?: string;
  references?: Reference[];
  notes?: string;
  registered?: string;
  /** Which editions state it: both, only the old one, or only the new one. */
  in: 'both' | 'old' | 'new';
  lineage?: string;
}

const rfc = (n: number): Reference => ({ type: 'rfc', data: `rfc${n}`, text: `RFC${n}` });

export const RECORDS: FixtureRecord[] = [
  {
    serviceName: null,
    port: [0, 0],
    protocol: 'tcp',
    description: 'Reserved',
    status: 'reserved',
    in: 'both',
  },
  {
    serviceName: null,
    port: [4, 4],
    protocol: 'tcp',
    description: 'Unassigned',
    status: 'unassigned',
    in: 'both',
  },
  {
    serviceName: 'ssh',
    port: [22, 22],
    protocol: 'tcp',
    description: 'The Secure Shell (SSH) Protocol',
    assignee: 'IESG',
    references: [rfc(4251)],
    in: 'both',
  },
  {
    serviceName: 'ssh',
    port: [22, 22],
    protocol: 'udp',
    description: 'The Secure Shell (SSH) Protocol',
    assignee: 'IESG',
    references: [rfc(4251)],
    in: 'both',
  },
  {
    serviceName: 'ssh',
    port: [22, 22],
    protocol: 'sctp',
    description: 'SSH',
    assignee: 'Randall_Stewart',
    references: [rfc(4960)],
    in: 'both',
  },
  {
    serviceName: 'http',
    port: [80, 80],
    protocol: 'tcp',
    description: 'World Wide Web HTTP',
    references: [rfc(9110)],
    in: 'both',
  },
  {
    serviceName: 'kerberos-adm',
    port: [749, 749],
    protocol: 'tcp',
    description: 'kerberos administration',
    in: 'both',
  },
  {
    serviceName: 'x11',
    port: [6000, 6063],
    protocol: 'tcp',
    description: 'X Window System',
    assignee: 'Stephen_Gildea',
    registered: '1988-01-01',
    in: 'both',
  },
  {
    serviceName: 'x11',
    port: [6000, 6063],
    protocol: 'udp',
    description: 'X Window System',
    assignee: 'Stephen_Gildea',
    in: 'both',
  },
  {
    serviceName: 'oldchat',
    port: [7000, 7000],
    protocol: 'tcp',
    description: 'Old chat service',
    in: 'old',
    lineage: 'chat-7000',
  },
  {
    serviceName: 'newchat',
    port: [7000, 7000],
    protocol: 'tcp',
    description: 'New chat service',
    in: 'new',
    lineage: 'chat-7000',
    notes: 'renamed from oldchat',
  },
];

export const PEOPLE = [
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

function validity(record: FixtureRecord) {
  const from = record.in === 'new' ? EDITIONS.new : EDITIONS.old;
  const to = record.in === 'old' ? EDITIONS.new.published : null;
  const last = record.in === 'old' ? EDITIONS.old : EDITIONS.new;
  return { firstSourceId: from.id, lastSourceId: last.id, validFrom: from.published, validTo: to };
}

/** Inserts the fixture registry with drizzle, as the importer would leave it. */
export async function seedFixtures(db: Db): Promise<void> {
  await db.insert(sources).values(
    Object.values(EDITIONS).map((e) => ({
      id: e.id,
      kind: 'iana-xml' as const,
      edition: e.edition,
      title: 'Service Name and Transport Protocol Port Number Registry',
      published: e.published,
      origin: `https://www.iana.org/assignments/service-names-port-numbers/${e.published}.xml`,
      sha256: e.sha256,
      recordCount: RECORDS.filter((r) => r.in === 'both' || r.in === (e.id === 1 ? 'old' : 'new'))
        .length,
      fields: [
        'serviceName',
        'portRange',
        'protocol',
        'description',
        'assignee',
        'references',
        'notes',
      ],
    })),
  );
  await db.insert(people).values(PEOPLE.map((p) => ({ ...p, sourceId: EDITIONS.new.id })));
  const rows = RECORDS.map((record, index) => ({
    serviceName: record.serviceName,
    portLow: record.port[0],
    portHigh: record.port[1],
    protocol: record.protocol,
    description: record.description,
    assigneeId: record.assignee ?? null,
    contactId: record.assignee ?? null,
    registered: record.registered ?? null,
    modified: null,
    references: record.references ?? [],
    serviceCode: null,
    unauthorizedUse: null,
    notes: record.notes ?? null,
    status: record.status ?? ('assigned' as const),
    index,
  }));
  const versions = await db
    .insert(recordVersions)
    .values(rows.map(({ index, ...row }) => ({ ...row, fingerprint: `fixture-${index}` })))
    .returning();
  await db.insert(assignments).values(
    rows.map(({ index, ...row }) => {
      const record = RECORDS[index] as FixtureRecord;
      return {
        ...row,
        id: `fixture-${index}`,
        versionId: versions[index]?.id as number,
        lineage:
          record.lineage ?? `${record.serviceName ?? 'none'}/${record.protocol}/${record.port[0]}`,
        position: index,
        ...validity(record),
      };
    }),
  );
  await db.insert(nameLinks).values({
    formerName: 'oldchat',
    laterName: 'newchat',
    kind: 'renamed',
    sourceId: EDITIONS.new.id,
  });
  await db.insert(syncRuns).values({
    via: 'file',
    status: 'succeeded',
    sourcesImported: 2,
    finishedAt: new Date('2026-08-18T00:00:00Z'),
  });
}
