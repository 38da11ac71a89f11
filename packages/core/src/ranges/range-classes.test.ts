import { describe, expect, it } from 'vitest';
import type { RangeClassDefinition } from '../model.ts';
import { EPHEMERAL_RANGES } from './ephemeral.ts';
import { IANA_RANGE_CLASSES } from './range-classes.ts';
import { REGISTRY_EVENTS } from './registry-events.ts';

function overlaps(a: RangeClassDefinition, b: RangeClassDefinition): boolean {
  const dates = a.validFrom < (b.validTo ?? '9999') && b.validFrom < (a.validTo ?? '9999');
  return dates && a.low <= b.high && b.low <= a.high;
}

describe('the IANA range classes through history', () => {
  it('never overlap on any date, port for port', () => {
    const clashes = IANA_RANGE_CLASSES.flatMap((a, i) =>
      IANA_RANGE_CLASSES.slice(i + 1)
        .filter((b) => overlaps(a, b))
        .map((b) => `${a.id} × ${b.id}`),
    );
    expect(clashes).toEqual([]);
  });

  it('cover every port from 0 to 65535 since RFC 1340, and 0-255 before', () => {
    for (const date of [
      '1992-07-01',
      '1995-01-01',
      '2004-01-08',
      '2011-07-31',
      '2011-08-01',
      '2026-01-01',
    ]) {
      const inForce = IANA_RANGE_CLASSES.filter(
        (c) => c.validFrom <= date && (c.validTo === null || date < c.validTo),
      ).sort((a, b) => a.low - b.low);
      expect(inForce.map((c) => c.low)[0]).toBe(0);
      expect(inForce.at(-1)?.high).toBe(65535);
      const gaps = inForce.slice(1).filter((c, k) => c.low !== (inForce[k]?.high ?? 0) + 1);
      expect(gaps).toEqual([]);
    }
  });

  it('are well-formed: unique ids, ordered bounds and dates, URLs of their documents', () => {
    const all = [...IANA_RANGE_CLASSES, ...EPHEMERAL_RANGES];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const c of all) {
      expect(c.low).toBeLessThanOrEqual(c.high);
      if (c.validTo !== null) expect(c.validFrom < c.validTo).toBe(true);
      expect(c.definedByUrl).toMatch(/^https:\/\//);
      expect(c.quotation.length).toBeGreaterThan(20);
    }
    for (const c of IANA_RANGE_CLASSES.filter((c) => c.definedBy.startsWith('RFC'))) {
      expect(c.definedByUrl).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+/);
    }
    expect(REGISTRY_EVENTS.map((e) => e.id)).toContain('rfc3232-online-database');
  });

  it('keep the ephemeral ranges of one system from overlapping in time', () => {
    const windows = EPHEMERAL_RANGES.filter((r) => r.id.startsWith('windows'));
    expect(windows.map((r) => [r.validFrom, r.validTo])).toEqual([
      ['2001-10-25', '2007-01-30'],
      ['2007-01-30', null],
    ]);
  });
});
