import { describe, expect, it } from 'vitest';
import {
  type ChangeFacts,
  changeSentence,
  fieldDetails,
  formerText,
  gapText,
  oneLine,
  portCount,
} from './sentences.ts';

const change = (facts: Partial<ChangeFacts>): ChangeFacts => ({
  kind: 'added',
  serviceName: null,
  portLow: 21,
  portHigh: 21,
  protocols: ['tcp'],
  ...facts,
});
const unassigned = { status: 'unassigned', serviceName: null, description: 'Unassigned' } as const;

describe('changeSentence', () => {
  it('names the service and where it was added or removed', () => {
    expect(changeSentence(change({ serviceName: 'ftp' }))).toBe('added ftp on 21/tcp');
    expect(
      changeSentence(
        change({ kind: 'removed', serviceName: 'netstat', portLow: 15, portHigh: 15 }),
      ),
    ).toBe('removed netstat from 15/tcp');
  });

  it('says an added record was an Unassigned one (1992 added 22 tcp, udp; added 11372-11599)', () => {
    expect(
      changeSentence(
        change({ portLow: 22, portHigh: 22, protocols: ['tcp', 'udp'], after: unassigned }),
      ),
    ).toBe('added an Unassigned record for 22 (tcp, udp)');
    expect(
      changeSentence(change({ portLow: 11372, portHigh: 11599, protocols: [], after: unassigned })),
    ).toBe('added an Unassigned record for 11372-11599');
    expect(
      changeSentence(
        change({ kind: 'removed', portLow: 349, portHigh: 370, protocols: [], before: unassigned }),
      ),
    ).toBe('removed the Unassigned record from 349-370');
  });

  it('names an early record without a service name by its description', () => {
    const record = {
      status: 'assigned',
      serviceName: null,
      description: 'Who is up or NETSTAT',
    } as const;
    expect(changeSentence(change({ portLow: 15, portHigh: 15, after: record }))).toBe(
      'added “Who is up or NETSTAT” on 15/tcp',
    );
  });

  it('words modifications, de-assignments and renames', () => {
    expect(
      changeSentence(
        change({ kind: 'modified', serviceName: 'nsrmp', portLow: 359, portHigh: 359 }),
      ),
    ).toBe('changed nsrmp on 359/tcp');
    expect(
      changeSentence(
        change({ kind: 'deassigned', serviceName: 'nsrmp', portLow: 359, portHigh: 359 }),
      ),
    ).toBe('de-assigned nsrmp on 359/tcp');
    expect(
      changeSentence(
        change({
          kind: 'renamed',
          serviceName: 'b',
          fields: { serviceName: { before: 'a', after: 'b' } },
        }),
      ),
    ).toBe('renamed “a” to “b” on 21/tcp');
  });
});

describe('fieldDetails', () => {
  it('prints each changed field as before → after, without literal \\n', () => {
    expect(
      fieldDetails({
        portRange: { before: { low: 4461, high: 4483 }, after: { low: 4461, high: 4479 } },
        references: { before: [{ type: 'rfc', data: 'rfc5734' }], after: [] },
        contact: { before: null, after: 'IETF TSVWG\nRandall Stewart' },
      }),
    ).toEqual([
      'portRange: 4461-4483 → 4461-4479',
      'references: rfc5734 → (none)',
      'contact: (none) → “IETF TSVWG, Randall Stewart”',
    ]);
    expect(oneLine('IETF TSVWG\\nRandall Stewart')).toBe('IETF TSVWG, Randall Stewart');
  });
});

describe('formerText, gapText, portCount', () => {
  it('words the eras of port 15', () => {
    expect(
      formerText([
        {
          label: 'Who is up or NETSTAT',
          aliases: ['NETSTAT'],
          unassigned: false,
          from: '1977-11-01',
          to: '1987-05-01',
        },
        {
          label: 'Unassigned',
          aliases: [],
          unassigned: true,
          from: '1987-05-01',
          to: '1990-03-01',
        },
        {
          label: 'netstat',
          aliases: ['netstat'],
          unassigned: false,
          from: '1990-03-01',
          to: '1992-07-01',
        },
      ]),
    ).toBe('“Who is up or NETSTAT” (NETSTAT) 1977–1987; Unassigned 1987–1990; netstat 1990–1992');
  });

  it('states a gap and counts ports', () => {
    expect(gapText({ from: '1994-10-01', to: '2004-01-08' })).toBe(
      'No document survives between 1994-10-01 and 2004-01-08: a change made in those years shows on 2004-01-08.',
    );
    expect(portCount(1)).toBe('1 port');
    expect(portCount(16384)).toBe('16,384 ports');
  });
});
