import type { RegistryRecord } from '../model.ts';
import type { Matching } from './matching-state.ts';
import { isUnnamedService, textKey } from './record-identity.ts';

// RFC 739 (1977) lists `Old Telnet` on 1 and `New Telnet` on 23 where RFC 503 (1973) had `Telnet` on 1.
const OLD = /^old\s+(.+)$/;
const NEW = /^new\s+(.+)$/;

function describedAs(record: RegistryRecord, prefix: RegExp): string | null {
  const text = isUnnamedService(record) ? textKey(record.description) : null;
  return text ? (prefix.exec(text)?.[1] ?? null) : null;
}

/**
 * Rule 8: a service that moved to a new port. Where the older document lists `X` on a port that
 * the newer lists as `Old X`, and the newer lists `New X` on another port, `New X` continues `X`
 * too: the history of both ports shows the move (the old port keeps the lineage, the new one
 * branches from it). Linked even though `Old X` already claimed the older record.
 */
export function matchMovedServices(matching: Matching): void {
  const { older, newer, predecessor } = matching;
  const oldOnPort = new Map<string, number>();
  newer.forEach((record, b) => {
    const service = describedAs(record, OLD);
    if (service && record.portRange) oldOnPort.set(`${record.portRange.low}/${service}`, b);
  });
  if (oldOnPort.size === 0) return;
  const moved = new Set<number>();
  for (const b of matching.waiting()) {
    const record = newer[b] as RegistryRecord;
    const service = describedAs(record, NEW);
    if (!service || !record.portRange) continue;
    const a = older.findIndex((candidate, index) => {
      const port = candidate.portRange?.low;
      if (port === undefined || port === record.portRange?.low || moved.has(index)) return false;
      const stayed = oldOnPort.get(`${port}/${service}`);
      return (
        stayed !== undefined &&
        predecessor[stayed] === index &&
        isUnnamedService(candidate) &&
        textKey(candidate.description) === service
      );
    });
    if (a !== -1) {
      moved.add(a);
      matching.link(a, b, 'moved');
    }
  }
}
