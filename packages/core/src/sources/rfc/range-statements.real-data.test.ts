import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../../test/describe-shared-data.ts';
import { sharedDataFile } from '../../testing.ts';
import { decodeLegacyText } from '../port-numbers-text-lines.ts';
import { ASSIGNED_NUMBERS_RFC_NUMBERS } from './editions.ts';
import { rangeStatements } from './range-statements.ts';

const DOCUMENTS = [
  ...ASSIGNED_NUMBERS_RFC_NUMBERS.map((rfc) => `rfc/rfc${rfc}.txt`),
  ...['2004-01-08', '2005-02-17', '2006-04-25', '2008-02-29'].map(
    (date) => `iana-snapshots/${date}.port-numbers.txt`,
  ),
];
const text = (name: string) => decodeLegacyText(readFileSync(sharedDataFile(name) as string));
const words = (value: string) => value.replace(/\s+/g, ' ');

describeSharedData('rangeStatements on the real documents', () => {
  it.each(DOCUMENTS)('%s: every quotation is verbatim and starts on its line', (name) => {
    const source = text(name);
    const lines = source.split('\n');
    const statements = rangeStatements(source);
    expect(statements.length).toBeGreaterThan(0);
    for (const { line, quotation } of statements) {
      expect(words(source)).toContain(quotation);
      expect(words(lines[line - 1] ?? '')).toContain(quotation.split(' ')[0]);
    }
  });

  it('finds what each era says about the range of assigned ports', () => {
    const find = (name: string, start: string) =>
      rangeStatements(text(name)).find(({ quotation }) => quotation.startsWith(start));
    for (const rfc of [739, 750, 755, 758, 762, 770, 776, 790]) {
      expect(find(`rfc/rfc${rfc}.txt`, '0-63 ')?.ranges).toEqual([{ low: 0, high: 63 }]);
    }
    expect(find('rfc/rfc790.txt', 'The assigned ports/sockets have all')).toMatchObject({
      line: 372,
      quotation:
        'The assigned ports/sockets have all except the low order eight bits cleared to zero.',
    });
    for (const [rfc, line] of [
      [820, 484],
      [900, 716],
      [990, 1505],
      [1010, 313],
      [1060, 471],
    ] as const) {
      expect(find(`rfc/rfc${rfc}.txt`, 'The assigned ports have all')?.line).toBe(line);
    }
    expect(find('rfc/rfc1060.txt', 'By convention')).toMatchObject({
      line: 681,
      ranges: [{ low: 256, high: 1024 }],
    });
    expect(find('rfc/rfc1700.txt', 'For many years')).toMatchObject({
      line: 865,
      quotation: 'For many years the assigned ports were in the range 0-255.',
    });
    expect(find('rfc/rfc1700.txt', 'The Registered Ports are in the range')?.ranges).toEqual([
      { low: 1024, high: 65535 },
    ]);
    expect(
      find('iana-snapshots/2008-02-29.port-numbers.txt', 'The Well Known Ports are those'),
    ).toMatchObject({
      line: 6,
      ranges: [{ low: 0, high: 1023 }],
    });
  });
});
