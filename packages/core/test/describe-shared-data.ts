import { describe, it } from 'vitest';
import { sharedDataDir } from '../src/testing.ts';

/**
 * `describe` for tests that read `../shared/data`. Vitest calls a skipped suite's body to collect
 * its tests, so a body that reads the data as it collects would fail on a clone without it; here,
 * without the data, one skipped test stands in and the body is never called.
 */
export function describeSharedData(name: string, body: () => void): void {
  if (sharedDataDir()) describe(name, body);
  else describe.skip(name, () => it('needs ../shared/data (or PORTBOOK_SHARED_DATA)', () => {}));
}
