import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import type { RegistryRecord } from '../model.ts';
import { sharedDataFile } from '../testing.ts';
import { parseSource } from './detect.ts';
import { readPortNumbersText } from './port-numbers-text.ts';
import { decodeLegacyText } from './port-numbers-text-lines.ts';

const EDITIONS = ['2004-01-08', '2005-02-17', '2006-04-25', '2008-02-29'] as const;
const path = (date: string) => sharedDataFile(`iana-snapshots/${date}.port-numbers.txt`) as string;
const read = (date: string) =>
  readPortNumbersText(decodeLegacyText(readFileSync(path(date))), path(date));
const entries = (date: string) => read(date).tables.flatMap((table) => table.entries);
const records = (date: string, port: number, protocol: string | null = 'tcp'): RegistryRecord[] =>
  entries(date)
    .map(({ record }) => record)
    .filter((record) => record.portRange?.low === port && record.protocol === protocol);

/**
 * Records per file, counted independently: `LC_ALL=C grep -cE '^#?\s*\S*\s+[0-9]+(-[0-9]+)?(/[a-z]+)?(\s|$)'`
 * between WELL KNOWN PORT NUMBERS and DYNAMIC AND/OR PRIVATE PORTS, less `##` banners (8,862,
 * 9,266, 10,112 and 10,988), less the matching lines that are no rows, read one by one: contact
 * lines citing `RFC 3195` and the like or `ISO/IEC 13818-6`, an address dated `18 July 2007`, and
 * the backwards ranges `8474-8449` (2004, 2005) and `24322-24248` (2006).
 */
const RECORDS: Record<(typeof EDITIONS)[number], number> = {
  '2004-01-08': 8862 - 6,
  '2005-02-17': 9266 - 7,
  '2006-04-25': 10_112 - 9,
  '2008-02-29': 10_988 - 9,
};

const HEADER_TEXT =
  /PORT NUMBERS|^Keyword\b|^-------|PRIVATE PORTS|The (?:Well Known|Registered) Ports/;

describeSharedData('the port-numbers text files', () => {
  it.each(EDITIONS)('%s parses with its date and record count', (date) => {
    const document = parseSource(readFileSync(path(date)), path(date));
    expect(document).toMatchObject({ kind: 'iana-text', edition: `iana:${date}`, published: date });
    expect(document.records).toHaveLength(RECORDS[date]);
  });

  it.each(EDITIONS)('%s has no record outside its section or taken from prose', (date) => {
    const outside = read(date).tables.flatMap(({ range, entries: rows }) =>
      rows.filter(
        ({ record: { portRange } }) =>
          !portRange || portRange.low < range.low || portRange.high > range.high,
      ),
    );
    expect(outside).toEqual([]);
    const prose = entries(date).filter(({ record }) =>
      [record.description, record.serviceName, record.contact].some((text) =>
        HEADER_TEXT.test(text ?? ''),
      ),
    );
    expect(prose).toEqual([]);
    const text = readFileSync(path(date), 'latin1').split('\n');
    const unwritten = entries(date).filter(
      ({ line, record }) =>
        !new RegExp(`(^|\\D)${record.portRange?.low}(\\D|$)`).test(text[line - 1] ?? ''),
    );
    expect(unwritten).toEqual([]);
  });

  it.each(EDITIONS)(
    '%s lists 15/tcp as "Unassigned [was netstat]" and x11 as 6000-6063/tcp',
    (date) => {
      expect(records(date, 15).map((r) => [r.description, r.status])).toEqual([
        ['Unassigned [was netstat]', 'unassigned'],
      ]);
      expect(records(date, 6000)).toEqual([
        expect.objectContaining({
          serviceName: 'x11',
          portRange: { low: 6000, high: 6063 },
          description: 'X Window System',
        }),
      ]);
      expect(records(date, 443)[0]?.description).toBe('http protocol over TLS/SSL');
    },
  );

  it('reads contacts, registration months, references and service codes as the 2008 file writes them', () => {
    const date = '2008-02-29';
    expect(records(date, 1, 'udp')[0]?.contact).toBe('Mark Lottor <MKL&nisc.sri.com>');
    expect(records(date, 22, 'sctp')[0]).toMatchObject({
      serviceName: 'ssh',
      contact: 'IETF TSVWG\nRandall Stewart <rrs&cisco.com>',
      references: [{ type: 'rfc', data: 'rfc4960' }],
    });
    expect(records(date, 9, 'dccp')[0]).toMatchObject({
      description: 'Discard',
      serviceCode: '1145656131',
    });
    expect(records(date, 48619)[0]).toMatchObject({
      serviceName: 'iqobject',
      registered: '2003-11',
    });
    expect(records(date, 1026)[0]).toMatchObject({
      contact: 'Doug Royer <Doug&Royer.com>',
      registered: '2002-06',
    });
    expect(records(date, 4444).map((r) => [r.serviceName, r.notes])).toEqual([
      ['krb524', null],
      ['nv-video', 'PROBLEM krb524 assigned the port,\nPROBLEM nv used it without an assignment'],
    ]);
    expect(records(date, 513, 'udp')[0]?.description).toBe(
      "maintains data bases showing who's\nlogged in to machines on a local\nnet and the load average of the\nmachine",
    );
    expect(records(date, 48557, null)[0]).toMatchObject({
      portRange: { low: 48557, high: 48618 },
      status: 'unassigned',
    });
  });

  it('reads the older files, slips included', () => {
    // 2004 writes `paging-port  3771/tdp` beside 3771/udp.
    expect(records('2004-01-08', 3771).map((r) => r.serviceName)).toEqual(['paging-port']);
    expect(records('2005-02-17', 2905, 'udp')[0]).toMatchObject({ status: 'deassigned' });
    expect(read('2006-04-25').tables[1]?.anomalies).toEqual([
      'line 13798: port range 24322-24248 is written backwards; no record',
    ]);
    expect(records('2006-04-25', 9, 'dccp')[0]?.references).toEqual([
      { type: 'draft', data: 'RFC-ietf-dccp-spec-13' },
    ]);
  });
});
