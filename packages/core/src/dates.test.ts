import { describe, expect, it } from 'vitest';
import { nextDay, parseDate } from './dates.ts';
import { isPortbookError } from './errors.ts';

describe('parseDate', () => {
  it('accepts calendar days written YYYY-MM-DD', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '26-01-01', '2026-1-1', '', 20260101])(
    'refuses %j with INVALID_DATE',
    (value) => {
      let thrown: unknown;
      try {
        parseDate(value);
      } catch (error) {
        thrown = error;
      }
      expect(isPortbookError(thrown) && thrown.code).toBe('INVALID_DATE');
    },
  );
});

describe('nextDay', () => {
  it('crosses months and leap days', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});
