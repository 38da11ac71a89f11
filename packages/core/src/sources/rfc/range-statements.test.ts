import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rangeStatements } from './range-statements.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/history/${name}`, import.meta.url), 'latin1');

describe('rangeStatements', () => {
  it('quotes the sentences of a port section that state a range, with their line', () => {
    expect(rangeStatements(fixture('rfc1340-excerpt.txt'))).toEqual([
      {
        line: 12,
        quotation: 'For many years the assigned ports were in the range 0-255.',
        ranges: [{ low: 0, high: 255 }],
      },
      {
        line: 12,
        quotation:
          'Recently, the range for assigned ports managed by the IANA has been expanded to the range 0-1023.',
        ranges: [{ low: 0, high: 1023 }],
      },
      {
        line: 38,
        quotation: 'The Registered Ports are in the range 1024-65535.',
        ranges: [{ low: 1024, high: 65535 }],
      },
    ]);
  });

  it('quotes the eight-bit statement and the General Assignments of the early RFCs', () => {
    const statements = rangeStatements(fixture('rfc790-excerpt.txt'));
    expect(statements.map(({ line, quotation }) => [line, quotation])).toEqual([
      [17, 'The assigned ports/sockets have all except the low order eight bits cleared to zero.'],
      [18, 'The low order eight bits are specified here.'],
      [27, '0-63 0-77 Network Wide Standard Function'],
      [28, '224-255 340-377 Any Experimental Function'],
    ]);
    expect(statements[2]?.ranges).toEqual([{ low: 0, high: 63 }]);
  });

  it('reads "from … through …" and "in the range … to …"', () => {
    const text = rangeStatements(fixture('port-numbers-2005-excerpt.txt'));
    expect(text.find((s) => s.line === 8)).toEqual({
      line: 8,
      quotation: 'The Well Known Ports are those from 0 through 1023.',
      ranges: [{ low: 0, high: 1023 }],
    });
    const unix = rangeStatements(fixture('rfc1060-excerpt.txt')).at(-1);
    expect(unix).toMatchObject({ line: 27, ranges: [{ low: 256, high: 1024 }] });
  });

  it('ignores prose outside the port sections', () => {
    const text =
      'Request for Comments: 1010\n\nNETWORK NUMBERS\n\nClass A numbers range from 0 to 127.\n';
    expect(rangeStatements(text)).toEqual([]);
  });
});
