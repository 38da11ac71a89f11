import { isPortbookError } from '@portbook/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSyncInterval, startPeriodicSync } from './periodic-sync.ts';

describe('parseSyncInterval', () => {
  it('reads a number and a unit; unset or empty means never', () => {
    expect(parseSyncInterval('24h')).toBe(86_400_000);
    expect(parseSyncInterval('30m')).toBe(1_800_000);
    expect(parseSyncInterval(' 90s ')).toBe(90_000);
    expect(parseSyncInterval('1.5d')).toBe(129_600_000);
    expect(parseSyncInterval(undefined)).toBeUndefined();
    expect(parseSyncInterval('')).toBeUndefined();
  });

  it.each(['soon', '24', '0s', '500ms', '30d', '-1h'])(
    'refuses %j with INVALID_SETTING',
    (text) => {
      let error: unknown;
      try {
        parseSyncInterval(text);
      } catch (caught) {
        error = caught;
      }
      expect(isPortbookError(error) && error.code).toBe('INVALID_SETTING');
    },
  );
});

describe('startPeriodicSync', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits the interval after each run ends, so two runs never overlap, and stop waits for a run', async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    let finish: () => void = () => {};
    const periodic = startPeriodicSync(1000, () => {
      runs.push(Date.now());
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);
    // The run takes 5 s: no second run starts meanwhile.
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);

    let stopped = false;
    const stopping = periodic.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(2);
  });
});
