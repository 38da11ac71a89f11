import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RegistryRecord, SourceDocument } from '../model.ts';
import { parseSource } from './detect.ts';
import { decodeLegacyText } from './port-numbers-text-lines.ts';
import { parseAssignedNumbersRfc, readAssignedNumbersRfc } from './rfc-assigned-numbers.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/history/${name}`, import.meta.url));
const parse = (name: string) => parseAssignedNumbersRfc(fixture(name), name);

function at(document: SourceDocument, port: number, protocol: string | null): RegistryRecord[] {
  return document.records.filter((r) => r.portRange?.low === port && r.protocol === protocol);
}

const rfcText = (number: number, body: string) =>
  new TextEncoder().encode(
    `Network Working Group\nRequest for Comments: ${number}\n\n                              PORT NUMBERS\n\n${body}`,
  );

describe('parseAssignedNumbersRfc, Decimal and Octal columns (RFC 739–870)', () => {
  const document = parse('rfc790-excerpt.txt');

  it('names the edition after the RFC and dates it by its month', () => {
    expect(document).toMatchObject({
      kind: 'rfc',
      edition: 'rfc:790',
      title: 'RFC 790: Assigned numbers',
      published: '1981-09-01',
    });
  });

  it('files each row for TCP and UDP when the section says UDP uses the same ports', () => {
    expect(at(document, 15, 'tcp')).toEqual(
      at(document, 15, 'udp').map((r) => ({ ...r, protocol: 'tcp' })),
    );
    expect(at(document, 15, 'tcp')[0]).toMatchObject({
      serviceName: null,
      description: 'Who is up or NETSTAT',
      contact: 'Jon Postel <Postel@ISIF>',
      status: 'assigned',
    });
  });

  it('reads the decimal column and resolves numbered references to the RFC they cite', () => {
    expect(at(document, 9, 'tcp')[0]?.references).toEqual([{ type: 'rfc', data: 'rfc863' }]);
    expect(at(document, 41, 'tcp')[0]?.references).toEqual([
      {
        type: 'text',
        data: 'Sproull, R., and E. Thomas, "A Networks Graphics Protocol", NIC 24308, 16 August 1974.',
      },
      { type: 'text', data: '[17]' },
    ]);
  });

  it('strips the page break between two halves of the table', () => {
    const ports = document.records.filter((r) => r.protocol === 'tcp').map((r) => r.portRange);
    expect(ports).toEqual([
      { low: 1, high: 1 },
      { low: 9, high: 9 },
      { low: 15, high: 15 },
      { low: 41, high: 41 },
      { low: 98, high: 127 },
      { low: 249, high: 255 },
    ]);
  });

  it('keeps General Assignments out of the records and reports an octal column that disagrees', () => {
    const read = readAssignedNumbersRfc(decodeLegacyText(fixture('rfc790-excerpt.txt')), 'x');
    expect(read.general.map(({ text, range }) => [text, range])).toEqual([
      ['0-63 0-77 Network Wide Standard Function', { low: 0, high: 63 }],
      ['224-255 340-377 Any Experimental Function', { low: 224, high: 255 }],
    ]);
    expect(read.tables[0]?.anomalies).toEqual([
      expect.stringMatching(/^line \d+: octal 142-136 does not match decimal 98-127$/),
    ]);
    expect(document.records.some((r) => r.description === 'Reserved')).toBe(false);
  });

  it('files only for TCP when the section does not mention UDP', () => {
    const text = fixture('rfc790-excerpt.txt')
      .toString()
      .replace(/To the extent possible[^\]]*\]\./, '');
    const tcpOnly = parseAssignedNumbersRfc(new TextEncoder().encode(text), 'tcp-only');
    expect(new Set(tcpOnly.records.map((r) => r.protocol))).toEqual(new Set(['tcp']));
  });
});

describe('parseAssignedNumbersRfc, Decimal and Keyword columns (RFC 900–1060)', () => {
  const document = parse('rfc1060-excerpt.txt');

  it('reads the keyword when present and the description either way', () => {
    expect(at(document, 42, 'udp')[0]).toMatchObject({
      serviceName: 'NAMESERVER',
      description: 'Host Name Server',
    });
    expect(at(document, 15, 'tcp')[0]).toMatchObject({
      serviceName: null,
      description: 'Unassigned',
      status: 'unassigned',
    });
    expect(at(document, 2, 'tcp')[0]?.portRange).toEqual({ low: 2, high: 4 });
    expect(at(document, 5, 'tcp')[0]?.references).toEqual([{ type: 'rfc', data: 'rfc407' }]);
  });

  it('reads the UNIX PORTS table as records noted as such', () => {
    const unix = document.records.filter((r) => r.notes?.startsWith('Listed under UNIX PORTS'));
    expect(unix.map((r) => [r.serviceName, r.portRange?.low, r.protocol])).toEqual([
      ['netstat', 15, 'tcp'],
      ['exec', 512, 'tcp'],
      ['man', 9535, 'tcp'],
    ]);
    expect(unix[1]?.description).toBe('remote process execution;\nauthentication performed using');
  });
});

describe('parseAssignedNumbersRfc, keyword port/proto tables (RFC 1340, 1700)', () => {
  const document = parse('rfc1340-excerpt.txt');

  it('expands tabs to 8 columns and reads rows across the page break', () => {
    expect(document.records.map((r) => [r.serviceName, r.portRange?.low, r.protocol])).toEqual([
      [null, 0, 'tcp'],
      ['rje', 5, 'tcp'],
      [null, 15, 'tcp'],
      ['exec', 512, 'tcp'],
      [null, 224, null],
      ['x11', 6000, 'tcp'],
      ['NSWS', 3049, null],
    ]);
    expect(at(document, 512, 'tcp')[0]?.description).toBe(
      'remote process execution;\nauthentication performed using\npasswords and UNIX login names',
    );
  });

  it('resolves initials through the PEOPLE list and keeps unknown ones', () => {
    expect(at(document, 5, 'tcp')[0]).toMatchObject({
      contact: 'Jon Postel <Postel@ISI.EDU>',
      references: [{ type: 'rfc', data: 'rfc407' }],
    });
    expect(at(document, 6000, 'tcp')[0]?.contact).toBe('RWS4');
    expect(at(document, 15, 'tcp')[0]?.description).toBe('Unassigned [was netstat]');
  });
});

describe('telling an Assigned Numbers RFC apart', () => {
  it('registers the format with parseSource', () => {
    expect(parseSource(fixture('rfc1340-excerpt.txt'), 'rfc1340.txt').edition).toBe('rfc:1340');
  });

  it('rejects an RFC that is not an Assigned Numbers RFC', () => {
    const rfc3232 = rfcText(3232, 'RFC 1700 is Replaced by an On-line Database\n');
    expect(() => parseSource(rfc3232, 'rfc3232.txt')).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED_FORMAT',
        message: expect.stringMatching(/RFC 3232 is not one/),
      }),
    );
    expect(() => parseSource(new TextEncoder().encode('hello\n'), 'hello.txt')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }),
    );
  });

  it('rejects a port above 65535 and an Assigned Numbers RFC without a port table', () => {
    const header = '   Decimal   Keyword    Description         References\n';
    const big = rfcText(1010, `${header}   70000     BIG        Too big    [JBP]\n`);
    expect(() => parseAssignedNumbersRfc(big, 'big.txt')).toThrow(
      expect.objectContaining({ code: 'PORT_OUT_OF_RANGE', location: 'big.txt, line 7' }),
    );
    expect(() => parseAssignedNumbersRfc(rfcText(1010, 'No table here.\n'), 'empty.txt')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_SOURCE' }),
    );
  });
});
