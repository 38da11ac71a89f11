import { readFileSync } from 'node:fs';
import { createContext, Script } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isPortbookError } from '../errors.ts';
import { PORT_MAX, PROTOCOLS, type SourceDocument, STATUSES } from '../model.ts';
import { parsePortNumbersText } from './port-numbers-text.ts';
import { parseAssignedNumbersRfc } from './rfc-assigned-numbers.ts';

/** A parse slower than this on a few kilobytes is a hang (a runaway regex on a crafted line). */
const DEADLINE_MS = 2_000;
const RUNS = 200;

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/history/${name}`, import.meta.url));

// Fragments that mean something in these layouts: rows, comments, tags, page breaks, tabs.
const TOKENS = [
  '\n#',
  '\n        70000/tcp  Big',
  '\n x   9-3/udp  Backwards',
  '/icmp',
  '\t',
  '\f',
  '[Page 9]',
  '[12,JBP]',
  '[RFC-',
  ' SC:',
  ' June 2002',
  '(last updated 2005-02-30)',
  '\n   Decimal   Keyword    Description\n',
  'General Assignments:',
  '\nREGISTERED PORT NUMBERS\n',
  '\u0000',
];

const sandbox = createContext({ parse: (): unknown => undefined });
const callParse = new Script('parse()');

/** Parses under a deadline; a refusal must be a coded, located PortbookError. */
function parseOrRefuse(parse: () => SourceDocument): void {
  let document: SourceDocument;
  try {
    sandbox.parse = parse;
    document = callParse.runInContext(sandbox, { timeout: DEADLINE_MS });
  } catch (error) {
    if (!isPortbookError(error)) throw error;
    expect(ERROR_CODES).toContain(error.code);
    expect(error.location).toBeTruthy();
    return;
  }
  for (const { portRange, protocol, status } of document.records) {
    expect(
      portRange &&
        0 <= portRange.low &&
        portRange.low <= portRange.high &&
        portRange.high <= PORT_MAX,
    ).toBe(true);
    if (protocol !== null) expect(PROTOCOLS).toContain(protocol);
    expect(STATUSES).toContain(status);
  }
}

function mutated(seed: Buffer): fc.Arbitrary<Buffer> {
  const edit = fc.record({
    at: fc.nat(),
    cut: fc.nat(48),
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })),
  });
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) =>
    edits.reduce((bytes, { at, cut, text }) => {
      const index = at % (bytes.length + 1);
      return Buffer.concat([
        bytes.subarray(0, index),
        Buffer.from(text),
        bytes.subarray(index + cut),
      ]);
    }, seed),
  );
}

const PARSERS = [
  {
    name: 'parsePortNumbersText',
    parse: parsePortNumbersText,
    seeds: ['port-numbers-2005-excerpt.txt'],
  },
  {
    name: 'parseAssignedNumbersRfc',
    parse: parseAssignedNumbersRfc,
    seeds: ['rfc790-excerpt.txt', 'rfc1060-excerpt.txt', 'rfc1340-excerpt.txt'],
  },
];

describe.each(PARSERS)('$name on hostile input', ({ parse, seeds }) => {
  it('parses or refuses arbitrary bytes with a coded, located error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) =>
        parseOrRefuse(() => parse(bytes, 'fuzz')),
      ),
      { numRuns: RUNS },
    );
  });

  it.each(seeds)('parses or refuses edits of %s', (seed) => {
    fc.assert(
      fc.property(mutated(fixture(seed)), (bytes) => parseOrRefuse(() => parse(bytes, 'fuzz'))),
      { numRuns: RUNS },
    );
  });
});
