import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOCOLS, REFERENCE_TYPES, type RegistryRecord, STATUSES } from '../model.ts';
import { recordFingerprint } from './fingerprint.ts';

const text = fc.option(fc.string({ maxLength: 6 }), { nil: null });
const arbitraryRecord: fc.Arbitrary<RegistryRecord> = fc.record({
  serviceName: text,
  portRange: fc.option(
    fc.tuple(fc.nat(3), fc.nat(3)).map(([low, extra]) => ({ low, high: low + extra })),
    { nil: null },
  ),
  protocol: fc.option(fc.constantFrom(...PROTOCOLS), { nil: null }),
  description: text,
  assignee: text,
  contact: text,
  registered: fc.option(fc.constantFrom('2003-11', '2013-11-12'), { nil: null }),
  modified: fc.option(fc.constantFrom('2014-02-21', '2026-08-17'), { nil: null }),
  references: fc.array(
    fc.record(
      {
        type: fc.constantFrom(...REFERENCE_TYPES),
        data: fc.string({ maxLength: 4 }),
        text: fc.string({ maxLength: 4 }),
      },
      { requiredKeys: ['type', 'data'] },
    ),
    { maxLength: 3 },
  ),
  serviceCode: text,
  unauthorizedUse: text,
  notes: text,
  status: fc.constantFrom(...STATUSES),
});

/** Field-by-field equality, treating an absent reference text like no text. */
function sameContent(a: RegistryRecord, b: RegistryRecord): boolean {
  const normal = (record: RegistryRecord) => ({
    ...record,
    references: record.references.map(({ type, data, text }) => ({
      type,
      data,
      text: text ?? null,
    })),
  });
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

describe('recordFingerprint', () => {
  it('is equal exactly when the content is equal', () => {
    fc.assert(
      fc.property(arbitraryRecord, arbitraryRecord, (a, b) => {
        expect(recordFingerprint(a) === recordFingerprint(b)).toBe(sameContent(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores key order and is sha256 hex', () => {
    fc.assert(
      fc.property(arbitraryRecord, (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse()) as RegistryRecord;
        expect(recordFingerprint(reversed)).toBe(recordFingerprint(record));
        expect(recordFingerprint(record)).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });

  it('changes when the order of references changes', () => {
    const record = fc.sample(arbitraryRecord, { numRuns: 1, seed: 1 })[0] as RegistryRecord;
    const references = [
      { type: 'rfc' as const, data: 'rfc4727' },
      { type: 'rfc' as const, data: 'rfc6335' },
    ];
    expect(recordFingerprint({ ...record, references })).not.toBe(
      recordFingerprint({ ...record, references: [...references].reverse() }),
    );
  });
});
