import { describe, expect, it } from 'vitest';
import { record } from '../../test/fixtures/timeline/records.ts';
import { readNoteEvents, statedDate } from './note-events.ts';

describe('readNoteEvents', () => {
  it('reads a de-assignment with its date and former name', () => {
    const events = readNoteEvents(
      record({
        port: 2,
        protocol: 'tcp',
        description: 'Unassigned',
        notes: 'De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]',
      }),
    );
    expect(events).toEqual([
      {
        kind: 'deassigned',
        occurred: '2025-02-13',
        evidence: 'De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]',
        formerName: 'compressnet',
      },
    ]);
  });

  it('reads an RFC 6335 replacement of an ill-formed name', () => {
    const events = readNoteEvents(
      record({
        serviceName: 'whoispp',
        port: 63,
        protocol: 'tcp',
        description:
          'whois++\n\nIANA assigned this well-formed service name as a replacement for "whois++".',
      }),
    );
    expect(events).toEqual([
      {
        kind: 'renamed',
        occurred: null,
        evidence: 'IANA assigned this well-formed service name as a replacement for "whois++".',
        formerName: 'whois++',
      },
    ]);
  });

  it('reads "Unassigned [was netstat]" as a de-assignment with no date', () => {
    expect(readNoteEvents(record({ port: 15, description: 'Unassigned [was netstat]' }))).toEqual([
      {
        kind: 'deassigned',
        occurred: null,
        evidence: 'Unassigned [was netstat]',
        formerName: 'netstat',
      },
    ]);
  });

  it.each([
    ['This entry is being removed on 2013-05-24.', 'removed', '2013-05-24'],
    ['This entry has been removed on 2017-05-18.', 'removed', '2017-05-18'],
    ['Unassigned (Removed 2004-2-6)', 'removed', '2004-02-06'],
    ['Unassigned (removed 7 May 2004)', 'removed', '2004-05-07'],
    ['Unassigned (removed September 2002)', 'removed', '2002-09-01'],
    ['De-registered (2001 June 07)', 'deassigned', '2001-06-07'],
    ['De-registered (25 April 2006)', 'deassigned', '2006-04-25'],
    ['De-Registered', 'deassigned', null],
    ['De-Assigned on 2023-11-16.', 'deassigned', '2023-11-16'],
    ['Deprecated June 2004', 'deassigned', '2004-06-01'],
    ['Unassigned (FRP-Released 12/7/00)', 'deassigned', '2000-12-07'],
    ['Previously assigned to NETCONF over SOAP but released by [RFC9900]', 'deassigned', null],
  ])('reads %j', (note, kind, occurred) => {
    expect(readNoteEvents(record({ port: 114, description: note }))).toMatchObject([
      { kind, occurred, evidence: note },
    ]);
  });

  it('reads nothing from ordinary descriptions', () => {
    for (const description of ['Unassigned', 'Reserved', 'Echo', 'Removable media service']) {
      expect(readNoteEvents(record({ port: 7, description }))).toEqual([]);
    }
    expect(
      readNoteEvents(
        record({
          port: 8,
          description: 'unassigned',
          notes: 'This entry records an unassigned but widespread use',
        }),
      ),
    ).toEqual([]);
  });
});

describe('statedDate', () => {
  it('rejects impossible dates', () => {
    expect(statedDate('Removed on 2006-02-30')).toBeNull();
    expect(statedDate('no date here')).toBeNull();
  });
});
