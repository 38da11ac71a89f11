import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PortbookError } from '../errors.ts';
import { parseIanaCsv } from './iana-csv.ts';
import { parseIanaXml } from './iana-xml.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/iana/${name}`, import.meta.url));
const bytes = fixture('registry.csv');
const csv = bytes.toString('utf8');
const document = parseIanaCsv(bytes, 'registry.csv');

function errorOf(action: () => unknown): PortbookError {
  try {
    action();
  } catch (error) {
    if (error instanceof PortbookError) return error;
    throw error;
  }
  throw new Error('expected a PortbookError');
}
const parseText = (text: string) => parseIanaCsv(new TextEncoder().encode(text), 'edited.csv');

describe('parseIanaCsv', () => {
  it('gives the same records as the XML of the same registry state', () => {
    expect(document.records).toEqual(parseIanaXml(fixture('registry.xml'), 'registry.xml').records);
  });

  it('dates the edition by its newest record date unless told the date', () => {
    expect(document).toMatchObject({
      kind: 'iana-csv',
      edition: 'iana:2025-02-13',
      published: '2025-02-13',
      people: [],
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(parseIanaCsv(bytes, 'registry.csv', { published: '2026-08-17' }).edition).toBe(
      'iana:2026-08-17',
    );
  });

  it('keeps the line break inside a quoted multi-line description', () => {
    expect(document.records[5]?.description).toBe(
      'whois++ over [RFC9483]\nIANA assigned this well-formed service name as a replacement for "whois++".',
    );
  });

  it('rejects a CSV with another header', () => {
    const other = csv.replace('Service Name,Port Number', 'Name,Port');
    expect(errorOf(() => parseText(other)).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('rejects a file that ends inside a quoted field', () => {
    const cut = csv.slice(0, csv.indexOf('IANA assigned'));
    expect(errorOf(() => parseText(cut)).code).toBe('TRUNCATED_SOURCE');
  });

  it('rejects bad values with the record and line', () => {
    const icmp = errorOf(() => parseText(csv.replace('smtp,25,tcp', 'smtp,25,icmp')));
    expect(icmp.code).toBe('UNKNOWN_PROTOCOL');
    expect(icmp.location).toBe('record 2, line 3');
    expect(errorOf(() => parseText(csv.replace('smtp,25,', 'smtp,65536,'))).code).toBe(
      'PORT_OUT_OF_RANGE',
    );
    expect(errorOf(() => parseText(csv.replace('2013-11-12', '2013-11-31'))).code).toBe(
      'INVALID_DATE',
    );
    expect(
      errorOf(() => parseText(csv.replace(',5999,,Unassigned,', ',5999,Unassigned,'))).code,
    ).toBe('MALFORMED_SOURCE');
  });
});
