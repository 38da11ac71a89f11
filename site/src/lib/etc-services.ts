// The API's /services formatter, shared so the page and the downloadable file never differ.
import { type AssignmentRow, formatServicesFile } from '@portbook/core';

export interface EtcServices {
  /** The lines exactly as the /services file writes them; empty when no named record holds the port. */
  lines: string;
  /** Set when the port sits inside a range: services(5) has no ranges, the file lists its first port. */
  rangeNote: string | undefined;
}

/** The `/etc/services` lines of the records holding a port: a range's line names its first port. */
export function etcServicesLines(port: number, records: readonly AssignmentRow[]): EtcServices {
  const lines = formatServicesFile(records, { expandRanges: false, header: [] }).trim();
  const ranges = records.filter(
    (record) => record.serviceName && record.portLow !== null && record.portLow < port,
  );
  const names = [...new Set(ranges.map((record) => record.serviceName))];
  const first = ranges[0];
  return {
    lines,
    rangeNote:
      lines && first
        ? `Port ${port} is inside the range ${first.portLow}-${first.portHigh} of ${names.join(', ')}. services(5) has no ranges: the /services file writes the range as its first port, so no line names ${port}.`
        : undefined,
  };
}
