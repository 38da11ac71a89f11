import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PortbookError } from '../errors.ts';
import { RECORD_FIELDS } from '../model.ts';
import { parseIanaXml } from './iana-xml.ts';

const FIXTURE = new URL('../../test/fixtures/iana/registry.xml', import.meta.url);
const bytes = readFileSync(FIXTURE);
const xml = bytes.toString('utf8');
const document = parseIanaXml(bytes, 'registry.xml');
const byName = (name: string) => document.records.find((record) => record.serviceName === name);

function parseText(text: string) {
  return parseIanaXml(new TextEncoder().encode(text), 'edited.xml');
}

function errorOf(action: () => unknown): PortbookError {
  try {
    action();
  } catch (error) {
    if (error instanceof PortbookError) return error;
    throw error;
  }
  throw new Error('expected a PortbookError');
}

describe('parseIanaXml', () => {
  it('states the registry edition, title and digest of the document', () => {
    expect(document).toMatchObject({
      kind: 'iana-xml',
      edition: 'iana:2026-08-17',
      published: '2026-08-17',
      title: 'Service Name and Transport Protocol Port Number Registry',
      origin: 'registry.xml',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fields: RECORD_FIELDS,
    });
    expect(document.records.map((record) => record.serviceName)).toEqual([
      null,
      'smtp',
      'ltp-deepspace',
      null,
      'x11',
      'whoispp',
      'wot',
    ]);
  });

  it('reads a port range, the contact as assignee too, and unauthorized use', () => {
    expect(byName('x11')).toEqual({
      serviceName: 'x11',
      portRange: { low: 6000, high: 6063 },
      protocol: 'tcp',
      description: 'X Window System',
      assignee: 'Stephen_Gildea',
      contact: 'Stephen_Gildea',
      registered: null,
      modified: null,
      references: [],
      serviceCode: null,
      unauthorizedUse: 'Known Unauthorized Use on port 6003',
      notes: null,
      status: 'assigned',
    });
  });

  it('keeps an <assignee> apart from the contact', () => {
    expect(byName('smtp')).toMatchObject({
      assignee: 'IESG',
      contact: 'IETF_Chair',
      modified: '2017-06-05',
      references: [{ type: 'rfc', data: 'rfc5321' }],
    });
  });

  it('renders description markup as the CSV does and keeps month-precision dates', () => {
    expect(byName('whoispp')?.description).toBe(
      'whois++ over [RFC9483]\nIANA assigned this well-formed service name as a replacement for "whois++".',
    );
    expect(byName('whoispp')?.registered).toBe('2003-11');
  });

  it('reads a name-only record with a URI reference and a soft-wrapped note', () => {
    expect(byName('wot')).toMatchObject({
      portRange: null,
      protocol: null,
      references: [{ type: 'uri', data: 'https://www.w3.org/TR/wot-discovery/' }],
      notes: 'Defined TXT keys: td, type, scheme',
    });
  });

  it('renders <paragraph> markup as its text, xrefs inside it included', () => {
    const note = `<note>
      <paragraph>Defined TXT keys:</paragraph>
      <paragraph>scheme, see <xref type="rfc" data="rfc7595"/></paragraph>
    </note>`;
    const edited = parseText(xml.replace(/<note>Defined TXT keys:[^<]*<\/note>/, note));
    expect(edited.records.at(-1)?.notes).toBe('Defined TXT keys:\n      scheme, see [RFC7595]');
  });

  it('rejects record markup it does not know rather than drop it', () => {
    const unknown = xml.replace('<sc>7107696</sc>', '<sc>7107696</sc><port>1113</port>');
    expect(errorOf(() => parseText(unknown)).code).toBe('MALFORMED_SOURCE');
    const twice = xml.replace('<name>x11</name>', '<name>x11</name><name>x-11</name>');
    expect(errorOf(() => parseText(twice)).message).toContain('more than one <name>');
  });

  it('reads the DCCP service code and the record dates', () => {
    expect(byName('ltp-deepspace')).toMatchObject({
      serviceCode: '7107696',
      registered: '2013-11-12',
      modified: '2014-02-21',
      assignee: null,
      contact: null,
    });
  });

  it('derives status from the text and keeps the text', () => {
    const [deassigned, , , unassigned] = document.records;
    expect(deassigned).toMatchObject({
      status: 'deassigned',
      description: 'Reserved',
      notes: 'De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]',
    });
    expect(unassigned).toMatchObject({
      status: 'unassigned',
      portRange: { low: 5999, high: 5999 },
    });
    expect(byName('x11')?.status).toBe('assigned');
  });

  it('reads the people registry', () => {
    expect(document.people).toEqual([
      {
        id: 'Jon_Postel',
        name: 'Jon Postel',
        org: null,
        uri: 'mailto:postel&isi.edu',
        updated: '1998-10',
      },
      { id: 'IESG', name: null, org: 'IESG', uri: 'mailto:iesg&ietf.org', updated: '2010-04-19' },
    ]);
  });

  it('parses gzip input to the same document', () => {
    expect(parseIanaXml(gzipSync(bytes), 'registry.xml')).toEqual(document);
  });

  it('rejects a document that ends mid-way', () => {
    const error = errorOf(() => parseText(xml.slice(0, Math.floor(xml.length / 2))));
    expect(error.code).toBe('TRUNCATED_SOURCE');
    const gzip = gzipSync(bytes);
    expect(errorOf(() => parseIanaXml(gzip.subarray(0, gzip.length - 20), 'x.gz')).code).toBe(
      'TRUNCATED_SOURCE',
    );
  });

  it('rejects XML that is not well-formed, with its line', () => {
    const error = errorOf(() => parseText(xml.replace('<number>25</number>', '<number>25</nmbr>')));
    expect(error.code).toBe('MALFORMED_SOURCE');
    const line = xml.split('\n').findIndex((text) => text.includes('<number>25</number>')) + 1;
    expect(error.location).toContain(`line ${line}`);
  });

  it('rejects an unknown protocol with the record position', () => {
    const error = errorOf(() =>
      parseText(xml.replace('<protocol>dccp</protocol>', '<protocol>icmp</protocol>')),
    );
    expect(error.code).toBe('UNKNOWN_PROTOCOL');
    expect(error.location).toMatch(/^record 3, line \d+$/);
  });

  it('rejects ports outside 0-65535 and reversed ranges', () => {
    for (const number of ['70000', '6063-6000', '6000-65536']) {
      const edited = xml.replace('<number>6000-6063</number>', `<number>${number}</number>`);
      expect(errorOf(() => parseText(edited)).code).toBe('PORT_OUT_OF_RANGE');
    }
  });

  it('rejects impossible dates', () => {
    for (const date of ['2013-13-12', '2013-02-30', '12 Nov 2013']) {
      const edited = xml.replace('date="2013-11-12"', `date="${date}"`);
      expect(errorOf(() => parseText(edited)).code).toBe('INVALID_DATE');
    }
    const edited = xml.replace('<updated>2026-08-17</updated>', '<updated>2026-8-17</updated>');
    expect(errorOf(() => parseText(edited)).code).toBe('INVALID_DATE');
  });

  it('rejects another IANA registry', () => {
    const other = xml.replace('id="service-names-port-numbers"', 'id="protocol-numbers"');
    expect(errorOf(() => parseText(other)).code).toBe('UNSUPPORTED_FORMAT');
  });
});
