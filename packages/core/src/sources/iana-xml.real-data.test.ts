import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import { sharedDataFile } from '../testing.ts';
import { parseIanaXml } from './iana-xml.ts';

const XML_FILE = 'iana/service-names-port-numbers.xml';

describeSharedData('parseIanaXml on the 2026-08-17 registry', () => {
  const path = sharedDataFile(XML_FILE) as string;
  const bytes = readFileSync(path);
  const document = parseIanaXml(bytes, path);
  const { records } = document;
  const find = (name: string, protocol: string | null) =>
    records.find((record) => record.serviceName === name && record.protocol === protocol);

  it('states the edition and the digest PROVENANCE.md gives', () => {
    expect(document.edition).toBe('iana:2026-08-17');
    expect(document.published).toBe('2026-08-17');
    expect(document.sha256).toBe(
      '4bbf00ef4dd194ea3098d090b42a832c0f8aef704699956a4a7e24576a49631b',
    );
  });

  it('holds 14,533 records by protocol and 5,615 people', () => {
    const byProtocol = new Map<string, number>();
    for (const { protocol } of records) {
      byProtocol.set(protocol ?? 'none', (byProtocol.get(protocol ?? 'none') ?? 0) + 1);
    }
    expect(records).toHaveLength(14_533);
    expect(Object.fromEntries(byProtocol)).toEqual({
      tcp: 6_606,
      udp: 6_356,
      sctp: 93,
      dccp: 11,
      none: 1_467,
    });
    expect(document.people).toHaveLength(5_615);
    expect(records.filter((record) => record.serviceName !== null)).toHaveLength(12_809);
  });

  it('has 1,070 name-only records and 766 numbers written as ranges', () => {
    expect(records.filter((record) => record.portRange === null)).toHaveLength(1_070);
    const spans = records.filter((r) => r.portRange && r.portRange.high > r.portRange.low);
    // Six of the 766 ranges name one port (`4748-4748`); the model stores them as that port.
    const written = bytes.toString('utf8').match(/<number>\d+-\d+<\/number>/g) ?? [];
    expect(written).toHaveLength(766);
    expect(spans).toHaveLength(760);
  });

  it('reads x11, smtp and the DCCP service codes as the text states them', () => {
    expect(find('x11', 'udp')).toMatchObject({
      portRange: { low: 6000, high: 6063 },
      description: 'X Window System',
      assignee: 'Stephen_Gildea',
      contact: 'Stephen_Gildea',
      unauthorizedUse: 'Known Unauthorized Use on port 6003',
    });
    expect(find('smtp', 'tcp')).toMatchObject({
      portRange: { low: 25, high: 25 },
      assignee: 'IESG',
      contact: 'IETF_Chair',
      modified: '2017-06-05',
      references: [{ type: 'draft', data: 'RFC-ietf-emailcore-rfc5321bis-43' }],
    });
    expect(find('discard', 'dccp')).toMatchObject({
      serviceCode: '1145656131',
      references: [{ type: 'rfc', data: 'rfc4340' }],
    });
    expect(records.filter((record) => record.serviceCode !== null)).toHaveLength(4);
    expect(records.filter((record) => record.unauthorizedUse !== null)).toHaveLength(112);
    expect(records.filter((record) => record.registered !== null)).toHaveLength(4_725);
    expect(records.filter((record) => record.modified !== null)).toHaveLength(602);
  });

  it('reads people, obfuscated e-mail kept as written', () => {
    expect(document.people.find((person) => person.id === '_3GPP')).toEqual({
      id: '_3GPP',
      name: null,
      org: '3GPP',
      uri: 'mailto:dongwook.kim&etsi.org',
      updated: '2026-01-23',
    });
  });

  it('derives status from the registry markers', () => {
    const count = (status: string) => records.filter((record) => record.status === status).length;
    // 883 `Unassigned`, 3 `unassigned`, and 15/tcp `Unassigned [was netstat]`.
    expect(count('unassigned')).toBe(887);
    expect(records[4]).toMatchObject({ description: 'Reserved', status: 'deassigned' });
    expect(find('sua', 'udp')).toMatchObject({
      description: 'De-Registered',
      status: 'deassigned',
    });
    expect(find('sua', 'tcp')).toMatchObject({ description: 'SUA', status: 'assigned' });
  });
});
