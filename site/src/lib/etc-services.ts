// The API's /services formatter, shared so the page and the downloadable file never differ.
import { formatServicesFile } from '@portbook/core';
import type { Assignment } from '@portbook/db';

/** The `/etc/services` lines for one port: each record narrowed to that port (6010 in x11's range). */
export function etcServicesLines(port: number, records: readonly Assignment[]): string {
  const atPort = records.map((record) => ({ ...record, portLow: port, portHigh: port }));
  return formatServicesFile(atPort, { expandRanges: false, header: [] }).trimEnd();
}
