import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPortbookError } from '../errors.ts';
import { PORT_MAX, PROTOCOLS, REFERENCE_TYPES } from '../model.ts';
import { parseBracketList, referenceFromCsvItem } from './iana-references.ts';
import { parsePortRange, parseProtocol, parseRegistryDate } from './registry-values.ts';

const port = fc.integer({ min: 0, max: PORT_MAX });
const beyond = fc.oneof(
  fc.integer({ min: PORT_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
);
const spaces = fc.constantFrom('', ' ', '  ', '\t');

/** The PortbookError code `action` throws; any other exception fails the property. */
function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isPortbookError(error)) return error.code;
    throw error;
  }
  return 'parsed';
}

describe('parsePortRange', () => {
  it('reads every port and every range as written, spaces around the dash or not', () => {
    fc.assert(
      fc.property(port, port, spaces, spaces, (a, b, before, after) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(parsePortRange(`${low}`, 'p')).toEqual({ low, high: low });
        expect(parsePortRange(`${before}${low}${before}-${after}${high}${after}`, 'p')).toEqual({
          low,
          high,
        });
      }),
    );
  });

  it('refuses ports outside 0-65535 and reversed ranges with PORT_OUT_OF_RANGE', () => {
    fc.assert(
      fc.property(beyond, port, (outside, inside) => {
        expect(codeOf(() => parsePortRange(`${outside}`, 'p'))).toBe('PORT_OUT_OF_RANGE');
        const [low, high] = outside < 0 ? [outside, inside] : [inside, outside];
        expect(codeOf(() => parsePortRange(`${low}-${high}`, 'p'))).toBe('PORT_OUT_OF_RANGE');
        if (inside > 0) {
          expect(codeOf(() => parsePortRange(`${inside}-${inside - 1}`, 'p'))).toBe(
            'PORT_OUT_OF_RANGE',
          );
        }
      }),
    );
  });

  it('gives any text a range inside 0-65535 or a coded error', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^-?\d{1,25}(\s*-\s*-?\d{1,25})?$/)),
        (text) => {
          let range: { low: number; high: number } | undefined;
          const code = codeOf(() => {
            range = parsePortRange(text, 'p');
          });
          if (range)
            expect(0 <= range.low && range.low <= range.high && range.high <= PORT_MAX).toBe(true);
          else expect(['MALFORMED_SOURCE', 'PORT_OUT_OF_RANGE']).toContain(code);
        },
      ),
    );
  });
});

describe('parseProtocol', () => {
  it('reads the four transports in any case and refuses every other word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTOCOLS), fc.string(), (protocol, other) => {
        const mixed = [...protocol].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
        expect(parseProtocol(` ${mixed} `, 'p')).toBe(protocol);
        if (!(PROTOCOLS as readonly string[]).includes(other.trim().toLowerCase())) {
          expect(codeOf(() => parseProtocol(other, 'p'))).toBe('UNKNOWN_PROTOCOL');
        }
      }),
    );
  });
});

describe('parseRegistryDate', () => {
  const date = fc.date({
    min: new Date('1900-01-01'),
    max: new Date('2099-12-31'),
    noInvalidDate: true,
  });

  it('keeps every real day and month as written', () => {
    fc.assert(
      fc.property(date, (value) => {
        const iso = value.toISOString();
        expect(parseRegistryDate(iso.slice(0, 10), 'd')).toBe(iso.slice(0, 10));
        expect(parseRegistryDate(iso.slice(0, 7), 'd')).toBe(iso.slice(0, 7));
      }),
    );
  });

  it('refuses days past the end of their month and months past December', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const mm = String(month).padStart(2, '0');
          expect(parseRegistryDate(`${year}-${mm}-${last}`, 'd')).toBe(`${year}-${mm}-${last}`);
          expect(codeOf(() => parseRegistryDate(`${year}-${mm}-${last + 1}`, 'd'))).toBe(
            'INVALID_DATE',
          );
          expect(codeOf(() => parseRegistryDate(`${year}-${month + 12}`, 'd'))).toBe(
            'INVALID_DATE',
          );
        },
      ),
    );
  });

  it('gives any text a date or INVALID_DATE', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(['parsed', 'INVALID_DATE']).toContain(codeOf(() => parseRegistryDate(text, 'd')));
      }),
    );
  });
});

describe('CSV reference cells', () => {
  const item = fc.string({ minLength: 1 }).filter((text) => !/[[\]]/.test(text));

  it('splits a list of bracketed items back into the items', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (items) => {
        expect(parseBracketList(items.map((text) => `[${text}]`).join(''))).toEqual(items);
      }),
    );
  });

  it('reads any text as items and any item as a reference of a known type, never throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (cell) => {
        for (const entry of parseBracketList(cell)) {
          const reference = referenceFromCsvItem(entry);
          expect(REFERENCE_TYPES).toContain(reference.type);
          expect(typeof reference.data).toBe('string');
        }
      }),
    );
  });
});
