import { readFileSync } from 'node:fs';
import { browserBlockedSince as firstRefusal, PortbookError } from '@portbook/core';
import { z } from 'zod';
import { citationSchema } from './schema.ts';
import { parseDataFile } from './validation.ts';

const isoDate = z.iso.date('must be a date written YYYY-MM-DD');

export const browserBlockedPortSchema = z.strictObject({
  port: z.int().min(0).max(65535),
  /** The IANA service name the standard's table gives, or null where it gives none. */
  service: z.string().min(1).nullable(),
  /** The day the port entered the Fetch standard's bad port list. */
  added: isoDate,
  citation: citationSchema,
  /** A browser refused the port before the standard listed it. */
  earlierInBrowsers: z
    .strictObject({ date: isoDate, event: z.string().min(1), citation: citationSchema })
    .optional(),
});

export const browserBlockedPortsSchema = z
  .strictObject({
    standard: z.strictObject({
      title: z.string().min(1),
      url: citationSchema.shape.url,
      /** The whatwg/fetch commit the list was last compared with. */
      commit: z.string().regex(/^[0-9a-f]{40}$/, 'must be a full git commit hash'),
      date: isoDate,
    }),
    ports: z.array(browserBlockedPortSchema).min(1),
  })
  .refine(
    (data) => data.ports.every((p, i) => i === 0 || (data.ports[i - 1]?.port ?? -1) < p.port),
    {
      message: 'ports must be sorted and unique',
      path: ['ports'],
    },
  );

export type BrowserBlockedPort = z.infer<typeof browserBlockedPortSchema>;
export type BrowserBlockedPorts = z.infer<typeof browserBlockedPortsSchema>;

const DATA_FILE = new URL('../data/browser-blocked-ports.json', import.meta.url);

/** The Fetch standard's bad ports: browsers refuse HTTP(S) to them (Chromium: ERR_UNSAFE_PORT). */
export function loadBrowserBlockedPorts(): BrowserBlockedPorts {
  const input: unknown = JSON.parse(readFileSync(DATA_FILE, 'utf8'));
  return parseDataFile(browserBlockedPortsSchema, input, 'browser-blocked-ports.json');
}

let byPort: Map<number, BrowserBlockedPort> | undefined;

/** The list's record for `port`, or undefined when browsers have never refused it. */
export function browserBlockedPort(port: number): BrowserBlockedPort | undefined {
  checkPort(port);
  byPort ??= new Map(loadBrowserBlockedPorts().ports.map((entry) => [entry.port, entry]));
  return byPort.get(port);
}

/** The first day a browser or the standard refused `port`, or undefined when none does. */
export function browserBlockedSince(port: number): string | undefined {
  const entry = browserBlockedPort(port);
  return entry ? firstRefusal(entry) : undefined;
}

/**
 * Whether browsers refuse HTTP(S) to `port` on `at` (an ISO date, default: today): on the list
 * and refused by then, by a browser or the standard.
 */
export function isBrowserBlocked(port: number, at?: string): boolean {
  if (at !== undefined && !isoDate.safeParse(at).success) {
    throw new PortbookError('INVALID_DATE', `"${at}" is not a date written YYYY-MM-DD`);
  }
  const since = browserBlockedSince(port);
  return since !== undefined && (at === undefined || since <= at);
}

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PortbookError('PORT_OUT_OF_RANGE', `${port} is not a port number (0-65535)`);
  }
}
