import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RegistryRecord, Status } from './model.ts';

/**
 * The real source files (`../shared/data` beside the checkout, or `PORTBOOK_SHARED_DATA`).
 * Real-data tests run when it exists; in CI (`CI=true`) its absence is an error, never a skip.
 */
export function sharedDataDir(): string | undefined {
  const dir =
    process.env.PORTBOOK_SHARED_DATA ||
    fileURLToPath(new URL('../../../../shared/data', import.meta.url));
  if (existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`real-data tests need ${dir} (set PORTBOOK_SHARED_DATA)`);
  return undefined;
}

/** Absolute path of a file under the shared data directory, if present. */
export function sharedDataFile(relative: string): string | undefined {
  const dir = sharedDataDir();
  return dir ? `${dir}/${relative}` : undefined;
}

/**
 * A registry record written by hand for tests: `port` is `15`, `[6000, 6063]`, or absent for a
 * name-only record; status defaults to assigned when named, else unassigned.
 */
export function record(
  fields: Partial<Omit<RegistryRecord, 'portRange'>> & { port?: number | [number, number] | null },
): RegistryRecord {
  const { port, ...rest } = fields;
  const portRange =
    port === undefined || port === null
      ? null
      : Array.isArray(port)
        ? { low: port[0], high: port[1] }
        : { low: port, high: port };
  const status: Status = rest.status ?? (rest.serviceName ? 'assigned' : 'unassigned');
  return {
    serviceName: null,
    protocol: null,
    description: null,
    assignee: null,
    contact: null,
    registered: null,
    modified: null,
    references: [],
    serviceCode: null,
    unauthorizedUse: null,
    notes: null,
    ...rest,
    portRange,
    status,
  };
}
export { snapshotRowsFrom, type TestDocument } from './snapshot/testing-rows.ts';
