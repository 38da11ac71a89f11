import { fieldDetails } from '@portbook/core';
import type { Change } from '@portbook/db';
import { describe, expect, it } from 'vitest';
import { changeHeadline, changeLine } from './change-text.ts';

const base: Change = {
  id: 'c',
  sourceId: 2,
  previousSourceId: 1,
  kind: 'modified',
  lineage: 'l',
  beforeVersionId: null,
  afterVersionId: null,
  fields: null,
  occurred: '2026-08-17',
  origin: 'diff',
  evidence: null,
  serviceName: null,
  portLow: null,
  portHigh: null,
  protocol: null,
};

describe('changeLine', () => {
  it('says where a change happened and links to the port', () => {
    const line = changeLine({ ...base, portLow: 4461, portHigh: 4479, kind: 'modified' });
    expect(line.where).toBe('4461-4479');
    expect(line.href).toBe('/ports/4461/');
  });

  it('links a change without a port to its service', () => {
    const line = changeLine({ ...base, kind: 'added', serviceName: 'airplay', protocol: 'udp' });
    expect(line.where).toBe('udp');
    expect(line.href).toBe('/services/airplay/');
    expect(changeHeadline(line)).toBe('added udp airplay');
  });
});

describe('fieldDetails', () => {
  it('prints each changed field as before → after, ranges and references readably', () => {
    expect(
      fieldDetails({
        portRange: { before: { low: 4461, high: 4483 }, after: { low: 4461, high: 4479 } },
        references: { before: [{ type: 'rfc', data: 'rfc5734' }], after: [] },
        contact: { before: null, after: 'IETF_Chair' },
      }),
    ).toEqual([
      'portRange: 4461-4483 → 4461-4479',
      'references: rfc5734 → (none)',
      'contact: (none) → "IETF_Chair"',
    ]);
  });
});
