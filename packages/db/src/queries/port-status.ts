import type { Status } from '@portbook/core';

/** Which record decides a port's status when several contain it: the strongest claim wins. */
const STATUS_STRENGTH: readonly Status[] = [
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
