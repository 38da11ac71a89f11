import type { PortRange } from '../model.ts';
import type { AssignmentRow } from '../snapshot/rows.ts';
import { BrowserBlockList } from './browser-blocked.ts';
import { conflictOf, type SoftwareConflict } from './conflicts.ts';
import type { CommonUse, SoftwareDefaults, SoftwareRow } from './model.ts';

const byId = (a: SoftwareRow, b: SoftwareRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The software data set indexed for a snapshot: uses by each port their range contains, programs
 * by id and by name, the browsers' bad ports, and the conflicts with the current registry.
 */
export class SoftwareIndex {
  readonly software: readonly SoftwareRow[];
  readonly version: string | undefined;
  readonly browserBlocked: BrowserBlockList;
  /** Every use of every program, by program id then the program's own order. */
  readonly uses: readonly CommonUse[];
  readonly #byId = new Map<string, SoftwareRow>();
  readonly #byName = new Map<string, SoftwareRow>();
  readonly #currentByPort: (port: number) => AssignmentRow[];
  /** Every conflict, and by port: found for all uses on first use (`conflicts`). */
  #conflicts: readonly SoftwareConflict[] | undefined;
  readonly #conflictsByPort = new Map<number, SoftwareConflict[]>();

  /** `currentByPort`: the current records containing a port, in IANA's order. */
  constructor(defaults: SoftwareDefaults, currentByPort: (port: number) => AssignmentRow[]) {
    this.software = [...defaults.software].sort(byId);
    this.version = defaults.version;
    this.browserBlocked = new BrowserBlockList(defaults.browserBlocked);
    const uses = this.software.flatMap((software) =>
      software.uses.map((use) => ({ software, use })),
    );
    this.uses = uses;
    for (const software of this.software) {
      this.#byId.set(software.id, software);
      this.#byName.set(software.name.toLowerCase(), software);
    }
    this.#currentByPort = currentByPort;
  }

  /**
   * Single-port defaults on a port IANA assigns today to another service, by port then program
   * id: every use is checked on first use (a server reads this before it serves).
   */
  get conflicts(): readonly SoftwareConflict[] {
    if (this.#conflicts) return this.#conflicts;
    this.#conflictsByPort.clear();
    const conflicts: SoftwareConflict[] = [];
    for (const { software, use } of this.uses) {
      const conflict = conflictOf(software, use, this.#currentByPort(use.low));
      if (!conflict) continue;
      conflicts.push(conflict);
      const atPort = this.#conflictsByPort.get(conflict.port) ?? [];
      atPort.push(conflict);
      this.#conflictsByPort.set(conflict.port, atPort);
    }
    this.#conflicts = conflicts.sort((a, b) => a.port - b.port || byId(a.software, b.software));
    return this.#conflicts;
  }

  /**
   * Uses whose port or range contains `port` (6010 finds sshd's X11 display :10), by program id.
   * A pass over the few hundred uses: cheaper than any index a one-question command would build.
   */
  usesAt(port: number): CommonUse[] {
    return this.uses.filter(({ use }) => use.low <= port && port <= use.high);
  }

  /** Uses whose port or range overlaps `within`, by program id. */
  usesIn(within: PortRange): CommonUse[] {
    return this.uses.filter(({ use }) => use.low <= within.high && use.high >= within.low);
  }

  byId(id: string): SoftwareRow | undefined {
    return this.#byId.get(id);
  }

  /** A program by its name in any case, spaces around it ignored. */
  byName(name: string): SoftwareRow | undefined {
    return this.#byName.get(name.trim().toLowerCase());
  }

  /** The conflicts on `port`, in the order of `uses`: only that port's uses are checked. */
  conflictsAt(port: number): readonly SoftwareConflict[] {
    let atPort = this.#conflictsByPort.get(port);
    if (atPort === undefined && this.#conflicts) return [];
    if (atPort === undefined) {
      atPort = this.usesAt(port).flatMap(({ software, use }) => {
        const conflict = use.low === port && conflictOf(software, use, this.#currentByPort(port));
        return conflict ? [conflict] : [];
      });
      this.#conflictsByPort.set(port, atPort);
    }
    return atPort;
  }
}
