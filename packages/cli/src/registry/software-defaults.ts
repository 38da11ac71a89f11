import type {
  CommonUse,
  PortRange,
  Protocol,
  RegistrySnapshot,
  SoftwareConflict,
} from '@portbook/core/reader';

// The snapshot holds the software data set and its rules (which uses a port or range holds, which
// program a name means, conflicts); this module only shapes its answers for the terminal.

/** One default port of one program: vendors' documentation, not the IANA registry. */
export interface SoftwareDefault {
  id: string;
  name: string;
  category: string;
  low: number;
  high: number;
  protocols: Protocol[];
  purpose: string;
  /** How to change it, when the vendor says. */
  setting: string | null;
  citation: string;
}

/** A program's default on a port IANA assigns today to another service. */
export interface SoftwareConflictView {
  port: number;
  software: SoftwareDefault;
  /** The current assigned records naming other services, in IANA's order. */
  records: { serviceName: string; protocol: Protocol | null; description: string | null }[];
}

function softwareDefault({ software, use }: CommonUse): SoftwareDefault {
  return {
    id: software.id,
    name: software.name,
    category: software.category,
    low: use.low,
    high: use.high,
    protocols: [...use.protocols],
    purpose: use.purpose,
    setting: use.setting,
    citation: use.citation.url,
  };
}

/** Names in lower case, then as written: localeCompare's first call loads a collator (7-20 ms). */
function byName(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const byPort = (a: SoftwareDefault, b: SoftwareDefault) =>
  a.low - b.low || a.high - b.high || byName(a.name, b.name);

/** Uses as the terminal lists them, by port then name. */
export function softwareDefaults(uses: readonly CommonUse[]): SoftwareDefault[] {
  return uses.map(softwareDefault).sort(byPort);
}

/** Every default port of the programs called `query` (the snapshot's `softwareNamed`). */
export function softwareNamed(snapshot: RegistrySnapshot, query: string): SoftwareDefault[] {
  return softwareDefaults(
    snapshot
      .softwareNamed(query)
      .flatMap((software) => software.uses.map((use) => ({ software, use }))),
  );
}

/** A port's conflicts (the snapshot's `conflictsAt`) as the terminal lists them. */
export function softwareConflicts(conflicts: readonly SoftwareConflict[]): SoftwareConflictView[] {
  return conflicts.map((conflict) => ({
    port: conflict.port,
    software: softwareDefault(conflict),
    records: conflict.assignments.map((row) => ({
      serviceName: row.serviceName ?? '',
      protocol: row.protocol,
      description: row.description,
    })),
  }));
}

/** Ports in `within` browsers refuse on `at` (default today). */
export function browserRefusedIn(
  snapshot: RegistrySnapshot,
  within: PortRange,
  at?: string,
): number[] {
  return snapshot
    .browserBlockedPorts(at)
    .map((entry) => entry.port)
    .filter((port) => port >= within.low && port <= within.high);
}
