import type { PortRange, Protocol } from '@portbook/core';
import {
  browserBlockedSince,
  isBrowserBlocked,
  loadBrowserBlockedPorts,
  loadSoftware,
  type Software,
} from '@portbook/software';

// The one place the CLI reads @portbook/software: when the snapshot carries software defaults,
// only this module changes.

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

let software: Software[] | undefined;

function allSoftware(): Software[] {
  software ??= loadSoftware();
  return software;
}

function defaultsOf(entry: Software, within?: PortRange): SoftwareDefault[] {
  return entry.uses
    .filter((use) => !within || (use.low <= within.high && use.high >= within.low))
    .map((use) => ({
      id: entry.id,
      name: entry.name,
      category: entry.category,
      low: use.low,
      high: use.high,
      protocols: [...use.protocols],
      purpose: use.purpose,
      setting: use.setting,
      citation: use.citation.url,
    }));
}

const byPort = (a: SoftwareDefault, b: SoftwareDefault) =>
  a.low - b.low || a.high - b.high || a.name.localeCompare(b.name);

/** Software whose default ports overlap `within`, by port then name. */
export function softwareDefaultsIn(within: PortRange): SoftwareDefault[] {
  return allSoftware()
    .flatMap((entry) => defaultsOf(entry, within))
    .sort(byPort);
}

/**
 * Software called `query`: its id or name in any case; failing that, names that contain it
 * (three letters at least). Every default port of each.
 */
export function softwareNamed(query: string): SoftwareDefault[] {
  const key = query.trim().toLowerCase();
  const exact = allSoftware().filter(
    (entry) => entry.id === key || entry.name.toLowerCase() === key,
  );
  const found =
    exact.length > 0 || key.length < 3
      ? exact
      : allSoftware().filter((entry) => entry.name.toLowerCase().includes(key));
  return found.flatMap((entry) => defaultsOf(entry)).sort(byPort);
}

/** The day browsers started refusing HTTP(S) to `port`, when they do on `at` (default today). */
export function browserRefusedSince(port: number, at?: string): string | undefined {
  return isBrowserBlocked(port, at) ? browserBlockedSince(port) : undefined;
}

/** Ports in `within` browsers refuse on `at` (default today). */
export function browserRefusedIn(within: PortRange, at?: string): number[] {
  return loadBrowserBlockedPorts()
    .ports.map((entry) => entry.port)
    .filter((port) => port >= within.low && port <= within.high && isBrowserBlocked(port, at));
}
