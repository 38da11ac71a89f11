import type { PortView, RegistrySnapshot } from '@portbook/core';
import {
  type BrowserBlockView,
  browserBlockView,
  type ConflictView,
  conflictView,
  isWideRange,
  type SoftwareUseView,
  useView,
} from './software-view.ts';

/** What a port page says beside the registry: software defaults, conflicts, browser refusal. */
export interface PortSoftware {
  /** Defaults on this port or a small block holding it, each in full. */
  uses: SoftwareUseView[];
  /** Wide ranges programs pick ports from (more than `WIDE_RANGE_PORTS`), one line each. */
  rangeUses: SoftwareUseView[];
  /** Defaults here that clash with IANA's assignment of the port. */
  conflicts: ConflictView[];
  browserBlock: BrowserBlockView | undefined;
}

export function portSoftware(
  port: number,
  view: Pick<PortView, 'commonUses' | 'conflicts' | 'browserBlockedSince'>,
  snapshot: Pick<RegistrySnapshot, 'browserBlocked'>,
): PortSoftware {
  const uses = view.commonUses.map(useView);
  const entry = view.browserBlockedSince === undefined ? undefined : snapshot.browserBlocked(port);
  return {
    uses: uses.filter((use) => !isWideRange(use)),
    rangeUses: uses.filter(isWideRange),
    conflicts: view.conflicts.map(conflictView),
    browserBlock: entry && browserBlockView(entry),
  };
}
