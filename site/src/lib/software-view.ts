import type {
  BrowserBlockedRow,
  CommonUse,
  Protocol,
  SoftwareCitation,
  SoftwareConflict,
} from '@portbook/core';
import { browserBlockedSince } from '@portbook/core';
import { portPath, servicePath, softwarePath } from './slugs.ts';

/**
 * A default wider than this many ports is a range a program picks from (coturn's 49152–65535,
 * Asterisk's RTP 10000–20000), not a port it sits on: port pages list it on one compact line.
 * 64 keeps small fixed blocks (Shairport Sync's 6001–6010, KDE Connect's 1714–1764) in full.
 */
export const WIDE_RANGE_PORTS = 64;

/** One default of one program, as port, software and conflict pages print it. */
export interface SoftwareUseView {
  softwareId: string;
  softwareName: string;
  softwarePath: string;
  low: number;
  high: number;
  /** `6443` or `49152–65535`. */
  ports: string;
  /** The port page of a single port, for links from software pages. */
  portPath: string | undefined;
  protocols: readonly Protocol[];
  purpose: string;
  /** How to change it, or null where the program has no setting. */
  setting: string | null;
  citation: SoftwareCitation;
}

/** A program's default on a port IANA assigns to another service. */
export interface ConflictView {
  port: number;
  portPath: string;
  use: SoftwareUseView;
  /** The IANA services assigned there, one per name, with their protocols. */
  services: { name: string; path: string; protocols: string[]; description: string | null }[];
}

/** What a port page says about browsers refusing the port. */
export interface BrowserBlockView {
  /** The first day a browser or the standard refused it. */
  since: string;
  /** The day the Fetch standard's bad port list took it, with the change that did. */
  standardAdded: string;
  standardCitation: SoftwareCitation;
  /** A browser that refused it before the standard did. */
  earlier: { date: string; event: string; citation: SoftwareCitation } | undefined;
}

export function useView({ software, use }: CommonUse): SoftwareUseView {
  return {
    softwareId: software.id,
    softwareName: software.name,
    softwarePath: softwarePath(software.id),
    low: use.low,
    high: use.high,
    ports: use.low === use.high ? String(use.low) : `${use.low}–${use.high}`,
    portPath: use.low === use.high ? portPath(use.low) : undefined,
    protocols: use.protocols,
    purpose: use.purpose,
    setting: use.setting,
    citation: use.citation,
  };
}

export function isWideRange(use: Pick<SoftwareUseView, 'low' | 'high'>): boolean {
  return use.high - use.low + 1 > WIDE_RANGE_PORTS;
}

export function conflictView(conflict: SoftwareConflict): ConflictView {
  const services = new Map<string, ConflictView['services'][number]>();
  for (const row of conflict.assignments) {
    const name = row.serviceName ?? '';
    const known = services.get(name.toLowerCase());
    if (known) {
      if (row.protocol && !known.protocols.includes(row.protocol))
        known.protocols.push(row.protocol);
      continue;
    }
    services.set(name.toLowerCase(), {
      name,
      path: servicePath(name),
      protocols: row.protocol ? [row.protocol] : [],
      description: row.description,
    });
  }
  return {
    port: conflict.port,
    portPath: portPath(conflict.port),
    use: useView(conflict),
    services: [...services.values()],
  };
}

export function browserBlockView(entry: BrowserBlockedRow): BrowserBlockView {
  return {
    since: browserBlockedSince(entry),
    standardAdded: entry.added,
    standardCitation: entry.citation,
    earlier: entry.earlierInBrowsers,
  };
}
