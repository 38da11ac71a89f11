import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import type { RegistryRecord } from '../model.ts';
import { sharedDataFile } from '../testing.ts';
import { parseSource } from './detect.ts';
import { decodeLegacyText } from './port-numbers-text-lines.ts';
import type { TableEntry } from './port-numbers-text-record.ts';
import { readAssignedNumbersRfc } from './rfc-assigned-numbers.ts';

const path = (rfc: number) => sharedDataFile(`rfc/rfc${rfc}.txt`) as string;
const read = (rfc: number) =>
  readAssignedNumbersRfc(decodeLegacyText(readFileSync(path(rfc))), path(rfc));
const entries = (rfc: number): TableEntry[] => read(rfc).tables.flatMap((table) => table.entries);
const at = (rfc: number, port: number, protocol = 'tcp'): TableEntry[] =>
  entries(rfc).filter(
    ({ record }) => record.portRange?.low === port && record.protocol === protocol,
  );
const only = (rfc: number, port: number, protocol = 'tcp'): RegistryRecord => {
  const found = at(rfc, port, protocol).filter(({ record }) => record.notes === null);
  expect(found).toHaveLength(1);
  return (found[0] as TableEntry).record;
};

/**
 * Records per RFC, counted independently of the parser: rows in the port section by grep
 * (`grep -cE '^\s+[0-9]+(-[0-9]+)?\s+[0-9]+(-[0-9]+)?\s+\S'` less the 4 General Assignments rows
 * for 739–870; `'^\s+[0-9]+(-[0-9]+)?\s+\S'` from the `Decimal Keyword` header to the next
 * heading for 900–1060; `'^#?\s*\S*\s+[0-9]+(-[0-9]+)?(/[a-z]+)?(\s|$)'` less running headers for
 * 1340, 1700 and RFC 1060's UNIX PORTS), times 2 where the section says UDP uses the same ports.
 */
const RECORDS: Record<number, number> = {
  739: 38,
  750: 46,
  755: 46,
  758: 49,
  762: 61,
  770: 66,
  776: 66,
  790: 67 * 2,
  820: 64 * 2,
  870: 67 * 2,
  900: 68 * 2,
  923: 73 * 2,
  943: 74 * 2,
  960: 79 * 2,
  990: 84 * 2,
  1010: 94 * 2,
  1060: 161 * 2 + 222,
  1340: 613 + 162,
  1700: 812 + 622,
};

/** Line of port 15 in each RFC's port table (`grep -nE '^\s+15\s'`). */
const PORT_15_LINE: Record<number, number> = {
  739: 194,
  750: 159,
  755: 157,
  758: 311,
  762: 310,
  770: 369,
  776: 312,
  790: 426,
  820: 498,
  870: 614,
  900: 730,
  923: 788,
  943: 845,
  960: 1021,
  990: 1519,
  1010: 327,
  1060: 486,
};

const PAGE_HEADER =
  /\[Page \d+\]|Reynolds & Postel|Assigned Numbers|^RFC \d+|^NWG\/RFC|PORT NUMBERS|^Decimal\b/;

describeSharedData('the Assigned Numbers RFCs', () => {
  it.each(Object.entries(RECORDS))('RFC %s parses to %i records', (rfc, count) => {
    const document = parseSource(readFileSync(path(Number(rfc))), path(Number(rfc)));
    expect(document).toMatchObject({ kind: 'rfc', edition: `rfc:${rfc}` });
    expect(document.records).toHaveLength(count);
  });

  it.each(Object.keys(RECORDS))(
    'RFC %s has no record outside its table or taken from a page header',
    (rfc) => {
      const outside = read(Number(rfc)).tables.flatMap(({ range, entries: rows }) =>
        rows
          .filter(
            ({ record: { portRange } }) =>
              !portRange || portRange.low < range.low || portRange.high > range.high,
          )
          .map(
            ({ line, record }) =>
              `${line}: ${record.portRange?.low}/${record.protocol} ${record.description}`,
          ),
      );
      // RFC 1700 closes its Well Known table with `1024/udp Reserved` (it says 1023/tcp just before).
      expect(outside).toEqual(rfc === '1700' ? ['2140: 1024/udp Reserved'] : []);
      const headers = entries(Number(rfc)).filter(
        ({ record }) =>
          PAGE_HEADER.test(record.description ?? '') || PAGE_HEADER.test(record.serviceName ?? ''),
      );
      expect(headers).toEqual([]);
      // Every record comes from a line of the text that writes its port number.
      const text = readFileSync(path(Number(rfc)), 'latin1').split('\n');
      const unwritten = entries(Number(rfc)).filter(
        ({ line, record }) =>
          !new RegExp(`(^|\\D)${record.portRange?.low}(\\D|$)`).test(text[line - 1] ?? ''),
      );
      expect(unwritten).toEqual([]);
    },
  );

  it('lists port 15 as "Who is up or NETSTAT" from RFC 739 to RFC 990, keyword NETSTAT from RFC 900', () => {
    for (const rfc of [739, 750, 755, 758, 762, 770, 776, 790, 820, 870, 900, 923, 943, 960, 990]) {
      const [entry] = at(rfc, 15);
      expect(entry?.line).toBe(PORT_15_LINE[rfc]);
      expect(entry?.record).toMatchObject({
        description: 'Who is up or NETSTAT',
        serviceName: rfc >= 900 ? 'NETSTAT' : null,
        status: 'assigned',
      });
    }
  });

  it('lists port 15 as Unassigned in RFC 1010 and 1060, "Unassigned [was netstat]" from RFC 1340', () => {
    for (const rfc of [1010, 1060]) {
      expect(at(rfc, 15)[0]).toMatchObject({
        line: PORT_15_LINE[rfc],
        record: { description: 'Unassigned' },
      });
    }
    expect(only(1340, 15).description).toBe('Unassigned [was netstat]');
    expect(only(1700, 15).description).toBe('Unassigned [was netstat]');
    expect(only(1700, 15, 'udp').description).toBe('Unassigned');
  });

  it('reads RFC 820 "1  1  Old Telnet" for TCP and UDP', () => {
    for (const protocol of ['tcp', 'udp']) {
      expect(at(820, 1, protocol)[0]).toMatchObject({
        line: 491,
        record: { description: 'Old Telnet' },
      });
    }
    expect(only(820, 1).references).toEqual([{ type: 'rfc', data: 'rfc318' }]);
  });

  it('reads x11 6000-6063/tcp in RFC 1700', () => {
    expect(only(1700, 6000)).toMatchObject({
      serviceName: 'x11',
      portRange: { low: 6000, high: 6063 },
      description: 'X Window System',
    });
  });

  it('files RFC 739–776 for TCP only and RFC 790–1060 for TCP and UDP, as their sections say', () => {
    const protocols = (rfc: number) => [
      ...new Set(entries(rfc).map(({ record }) => record.protocol)),
    ];
    for (const rfc of [739, 750, 755, 758, 762, 770, 776]) expect(protocols(rfc)).toEqual(['tcp']);
    for (const rfc of [790, 820, 870, 900, 923, 943, 960, 990, 1010])
      expect(protocols(rfc)).toEqual(['tcp', 'udp']);
  });

  it('reads more facts as the texts state them', () => {
    expect(only(739, 79).description).toBe('Finger');
    expect(only(750, 79).description).toBe('Name or Finger');
    expect([only(758, 42).description, only(758, 43).description]).toEqual([
      'Name Server',
      'WhoIs',
    ]);
    // RFC 790 lists 69 twice, once Unassigned and once Trivial File Transfer.
    expect(at(790, 69).map(({ record }) => record.description)).toEqual([
      'Unassigned',
      'Trivial File Transfer',
    ]);
    expect(only(900, 53)).toMatchObject({
      serviceName: 'DOMAIN',
      description: 'Domain Name Server',
    });
    expect(only(900, 109, 'udp')).toMatchObject({
      serviceName: 'POP',
      description: 'Post Office Protocol',
    });
    expect(only(1060, 110)).toMatchObject({
      serviceName: 'POP3',
      description: 'Post Office Protocol - Version 3',
      references: [{ type: 'rfc', data: 'rfc1081' }],
    });
    expect(only(1340, 80)).toMatchObject({
      serviceName: 'www',
      description: 'World Wide Web HTTP',
      contact: 'Tim Berners-Lee <timbl@nxoc01.cern.ch>',
    });
    expect(only(1700, 80).serviceName).toBe('www-http');
    expect(only(1700, 443).description).toBe('https  MCom');
  });

  it('keeps what the texts get wrong as they wrote it, and says so', () => {
    // RFC 750, 755 and 758 repeat the octal of the row above: `98-127  142-136  unassigned`.
    for (const [rfc, line] of [
      [750, 203],
      [755, 203],
      [758, 374],
    ] as const) {
      expect(read(rfc).tables[0]?.anomalies).toEqual([
        `line ${line}: octal 142-136 does not match decimal 98-127`,
      ]);
      expect(at(rfc, 98)[0]?.record.portRange).toEqual({ low: 98, high: 127 });
    }
    // RFC 1340 line 1407: `NSWS  3049/ddddp`.
    expect(
      entries(1340)
        .filter(({ record }) => record.serviceName === 'NSWS')
        .map(({ record }) => record.protocol),
    ).toEqual(['tcp', null]);
    // RFC 1060 lists Unix uses beside the IANA table: port 15 is Unassigned there, netstat here.
    expect(at(1060, 15).map(({ record }) => [record.serviceName, record.description])).toEqual([
      [null, 'Unassigned'],
      ['netstat', null],
    ]);
  });
});
