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

/** A record that takes its ports away from anyone choosing a free one. */
export function claimsPort(record: { status: Status }): boolean {
  return record.status === 'assigned' || record.status === 'reserved';
}
