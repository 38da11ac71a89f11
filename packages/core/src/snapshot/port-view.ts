import type { PortEvent } from '../history/port-timeline.ts';
import type { PortRange, RangeClassDefinition, Status } from '../model.ts';
import type { SoftwareConflict } from '../software/conflicts.ts';
import type { CommonUse } from '../software/model.ts';
import type { SocketStatement } from '../sources/rfc/socket-statements.ts';
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
  /** What RFCs said of the socket in prose before the first list assigned it (1971–1972). */
  socketStatements: readonly SocketStatement[];
  /** Software defaults on the port or a range holding it: common, not registered, uses. */
  commonUses: readonly CommonUse[];
  /** Defaults on it that IANA assigns to another service today (none for a past `at`). */
  conflicts: readonly SoftwareConflict[];
  /** The first day browsers refused it, when they did by `at` (or today). */
  browserBlockedSince: string | undefined;
}
