import type { PortEvent } from '../history/port-timeline.ts';
import type { PortRange, RangeClassDefinition, Status } from '../model.ts';
import type { AssignmentRow } from './rows.ts';

/**
 * Everything a port's page or the API's `Port` shows, from one snapshot: both read this, so
 * they cannot disagree.
 */
export interface PortView {
  number: number;
  /** The date it is seen on; undefined for the current registry. */
  at: string | undefined;
  status: Status;
  /** The IANA class on `at` (or today), the narrowest where documents overlap. */
  rangeClass: RangeClassDefinition | undefined;
  /** Ephemeral ranges holding the port on `at` (ever, without `at`). */
  ephemeralRanges: RangeClassDefinition[];
  /** Records whose port or range contains it, valid on `at`, in IANA's order. */
  assignments: AssignmentRow[];
  previousAssigned: number | null;
  nextAssigned: number | null;
  /** The closest port no record claims (`claimsPort`): itself, when free. */
  nearestFree: number | null;
  /** The run of free ports around it within its class; null when it is taken. */
  freeBlock: PortRange | null;
  /** Dated events of every record containing it, oldest first. */
  history: PortEvent[];
}
