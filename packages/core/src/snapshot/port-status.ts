import type { Status } from '../model.ts';

/** Which record decides a port's status when several contain it: the strongest claim wins. */
export const STATUS_STRENGTH: readonly Status[] = [
  'assigned',
  'reserved',
  'deassigned',
  'removed',
  'unassigned',
];

/** A port's status from the records that contain it; a port no record mentions is unassigned. */
export function portStatus(records: readonly { status: Status }[]): Status {
  let best: Status = 'unassigned';
  for (const { status } of records) {
    if (STATUS_STRENGTH.indexOf(status) < STATUS_STRENGTH.indexOf(best)) best = status;
  }
  return best;
}

/**
 * A record that takes its ports away from anyone choosing a free one: every record but an
 * Unassigned one. A de-assigned port is "marked as Reserved" and not reassigned while others are
 * free (RFC 6335 section 8.2); IANA lists de-assigned and removed entries as Reserved too.
 */
export function claimsPort(record: { status: Status }): boolean {
  return record.status !== 'unassigned';
}
