import type { Protocol } from '../model.ts';

/**
 * Software defaults and the browsers' bad ports as a snapshot takes them: plain rows, shaped as
 * `@portbook/software` validates its data (its types satisfy these), so core needs no import of it.
 */
export interface SoftwareCitation {
  url: string;
  title: string;
}

/** One port or inclusive range a program listens on by default, with the page that says so. */
export interface SoftwareUseRow {
  low: number;
  high: number;
  protocols: readonly Protocol[];
  purpose: string;
  /** How to change it, or null where the program has no setting. */
  setting: string | null;
  citation: SoftwareCitation;
}

export interface SoftwareRow {
  /** Slug, unique across the data set. */
  id: string;
  name: string;
  category: string;
  homepage: string;
  uses: readonly SoftwareUseRow[];
}

/** One port of the Fetch standard's bad port list. */
export interface BrowserBlockedRow {
  port: number;
  service: string | null;
  /** The day the port entered the standard. */
  added: string;
  citation: SoftwareCitation;
  /** A browser refused the port before the standard listed it. */
  earlierInBrowsers?: { date: string; event: string; citation: SoftwareCitation } | undefined;
}

/** What a snapshot needs of the software data set, handed in where snapshots are built. */
export interface SoftwareDefaults {
  software: readonly SoftwareRow[];
  browserBlocked: readonly BrowserBlockedRow[];
  /** Names this content (a hash of it): answers cached under a registry version carry it too. */
  version?: string | undefined;
}

/** A use of one program, with the program: what a port lists as its common uses. */
export interface CommonUse {
  software: SoftwareRow;
  use: SoftwareUseRow;
}
