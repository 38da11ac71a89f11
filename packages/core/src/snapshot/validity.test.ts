import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayDate } from './validity.ts';

describe('todayDate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows the clock across midnight UTC, forwards and backwards', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-05T23:59:59.999Z'));
    expect(todayDate()).toBe('2026-12-05');
    vi.setSystemTime(new Date('2026-12-06T00:00:00.000Z'));
    expect(todayDate()).toBe('2026-12-06');
    vi.setSystemTime(new Date('2026-12-06T23:00:00.000Z'));
    expect(todayDate()).toBe('2026-12-06');
    vi.setSystemTime(new Date('1969-12-31T12:00:00.000Z'));
    expect(todayDate()).toBe('1969-12-31');
    vi.setSystemTime(new Date('2026-12-05T00:00:00.000Z'));
    expect(todayDate()).toBe('2026-12-05');
  });
});
