import type { RegistryRecord } from '../model.ts';

/**
 * `low-high/protocol/name`, the key IANA's own change list matches records by; `-` stands for
 * an absent part. Not unique: the registry has two name-only `rdp` records.
 */
export function recordKey(
  record: Pick<RegistryRecord, 'portRange' | 'protocol' | 'serviceName'>,
): string {
  const range =
    record.portRange === null ? '-' : `${record.portRange.low}-${record.portRange.high}`;
  return `${range}/${record.protocol ?? '-'}/${record.serviceName?.toLowerCase() ?? '-'}`;
}
