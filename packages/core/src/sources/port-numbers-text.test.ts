import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PortbookError } from '../errors.ts';
import type { RegistryRecord } from '../model.ts';
import { parseSource } from './detect.ts';
import { parsePortNumbersText, readPortNumbersText } from './port-numbers-text.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/history/${name}`, import.meta.url));
const bytes = fixture('port-numbers-2005-excerpt.txt');
const document = parsePortNumbersText(bytes, 'port-numbers-2005-excerpt.txt');

function find(port: number, protocol: string | null, name?: string): RegistryRecord {
  const record = document.records.find(
    (r) =>
      r.portRange?.low === port &&
      r.protocol === protocol &&
      (name === undefined || r.serviceName === name),
  );
  if (!record) throw new Error(`no record ${port}/${protocol}`);
  return record;
}

const HEADER = 'PORT NUMBERS\n\n(last updated 2004-01-08)\n\nWELL KNOWN PORT NUMBERS\n\n';
const COLUMNS = 'Keyword         Decimal    Description\n-------         -------    -----------\n';
const textFile = (rows: string) => new TextEncoder().encode(`${HEADER}${COLUMNS}${rows}\n`);

describe('parsePortNumbersText', () => {
  it('dates the edition by the "(last updated …)" line', () => {
    expect(document).toMatchObject({
      kind: 'iana-text',
      edition: 'iana:2005-02-17',
      published: '2005-02-17',
      title: 'Port Numbers',
    });
    const iso = parsePortNumbersText(textFile('echo 7/tcp Echo'), 'iso.txt');
    expect(iso.edition).toBe('iana:2004-01-08');
  });

  it('reads a row and gives the contact line below it to every row of the run', () => {
    expect(find(1, 'udp')).toMatchObject({
      serviceName: 'tcpmux',
      description: 'TCP Port Service Multiplexer',
      contact: 'Mark Lottor <MKL&nisc.sri.com>',
      status: 'assigned',
    });
    expect(find(0, 'tcp')).toMatchObject({ description: 'Reserved', status: 'reserved' });
  });

  it('keeps commented-out rows as records with their status, and no contact', () => {
    expect(find(4, 'tcp')).toMatchObject({
      serviceName: null,
      status: 'unassigned',
      contact: null,
    });
    expect(find(15, 'tcp').description).toBe('Unassigned [was netstat]');
    expect(find(2905, 'udp')).toMatchObject({
      description: 'De-registered (2001 June 07)',
      status: 'deassigned',
    });
  });

  it('reads ranges with and without protocol', () => {
    expect(find(6000, 'tcp', 'x11').portRange).toEqual({ low: 6000, high: 6063 });
    expect(find(4200, null, 'vrml-multi-use').portRange).toEqual({ low: 4200, high: 4299 });
    expect(find(48557, null)).toMatchObject({
      portRange: { low: 48557, high: 48618 },
      status: 'unassigned',
    });
  });

  it('expands tabs in tab-aligned rows', () => {
    expect(find(126, 'tcp')).toMatchObject({
      serviceName: 'nxedit',
      contact: 'Don Payette <Don.Payette&unisys.com>',
    });
    expect(find(351, 'tcp').description).toBe('bhoetty (added 5/21/97)');
  });

  it('joins a description continued on the lines below', () => {
    expect(find(520, 'udp').description).toBe(
      'local routing process (on site);\nuses variant of Xerox NS routing\ninformation protocol - RIP',
    );
    expect(find(520, 'udp').contact).toBe('Jon Postel <postel&isi.edu>');
  });

  it('turns bracketed tags into typed references and keeps descriptive brackets', () => {
    expect(find(9, 'sctp').references).toEqual([{ type: 'rfc', data: 'rfc4960' }]);
    expect(find(9, 'dccp')).toMatchObject({
      contact: 'IETF dccp WG, Eddie Kohler <kohler&cs.ucla.edu>',
      references: [{ type: 'rfc', data: 'rfc4340' }],
      serviceCode: String(0x44495343),
      description: 'Discard',
    });
    expect(find(20, 'tcp').description).toBe('File Transfer [Default Data]');
    // The REFERENCES entry for the draft placeholder names its RFC number.
    expect(find(5004, 'dccp').references).toEqual([
      { type: 'rfc', data: 'rfc3551' },
      { type: 'rfc', data: 'rfc5762' },
    ]);
  });

  it('reads the registration month or day at the end of a contact line', () => {
    expect(find(1026, 'udp')).toMatchObject({
      contact: 'Doug Royer <Doug&Royer.com>',
      registered: '2002-06',
    });
    expect(find(5004, 'dccp').registered).toBe('2005-03-15');
  });

  it('notes the rows below a flush-left comment', () => {
    expect(find(351, 'tcp').notes).toBe(
      'The following entry records an unassigned but widespread use',
    );
    expect(find(126, 'tcp').notes).toBeNull();
  });

  it('stops a table at flush-left prose and reports a backwards range instead of filing it', () => {
    expect(find(1023, 'tcp').contact).toBe('IANA <iana&iana.org>');
    expect(document.records.some((r) => r.contact?.includes('configured experiments'))).toBe(false);
    const { tables } = readPortNumbersText(bytes.toString(), 'excerpt');
    expect(tables.map(({ title, range }) => [title, range])).toEqual([
      ['WELL KNOWN PORT NUMBERS', { low: 0, high: 1023 }],
      ['REGISTERED PORT NUMBERS', { low: 1024, high: 49151 }],
    ]);
    expect(tables[1]?.anomalies).toEqual([expect.stringMatching(/8474-8449 is written backwards/)]);
    expect(document.records.some((r) => r.portRange?.low === 8474)).toBe(false);
  });

  it('states only the fields the file carries', () => {
    expect(document.fields).toEqual([
      'serviceName',
      'portRange',
      'protocol',
      'description',
      'contact',
      'registered',
      'references',
      'serviceCode',
      'notes',
    ]);
    expect(document.records.every((r) => r.assignee === null && r.modified === null)).toBe(true);
  });

  it('is recognised by parseSource', () => {
    expect(parseSource(bytes, 'port-numbers').records).toEqual(document.records);
  });

  it('rejects a port above 65535, an unknown protocol and a file without its date', () => {
    expect(() => parsePortNumbersText(textFile('big 70000/tcp Too big'), 'big.txt')).toThrow(
      expect.objectContaining({ code: 'PORT_OUT_OF_RANGE', location: 'big.txt, line 9' }),
    );
    expect(() => parsePortNumbersText(textFile('odd 7/xtp Odd'), 'odd.txt')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PROTOCOL' }),
    );
    const undated = new TextEncoder().encode(
      `WELL KNOWN PORT NUMBERS\n\n${COLUMNS}echo 7/tcp Echo\n`,
    );
    expect(() => parsePortNumbersText(undated, 'undated.txt')).toThrow(PortbookError);
    expect(() => parsePortNumbersText(undated, 'undated.txt')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_SOURCE' }),
    );
  });
});
