/** Everything the `portbook` command reads from the environment, in one place. */
export interface CliEnv {
  /** A directory laid out like the source mirror (`iana/`, `iana-snapshots/`, `rfc/`). */
  mirror: string | undefined;
  offline: boolean;
  /** False: `sync` leaves the packaged archive out (`PORTBOOK_ARCHIVE=0`). */
  archive: boolean;
  /** Only archive documents dated on or before this day (YYYY-MM-DD): a quick partial load. */
  archiveUntil: string | undefined;
  /** The current registry, as IANA publishes it. */
  ianaUrl: string;
  /** Base URL of the RFC Editor's plain-text RFCs (`<base>/rfcNNN.txt`). */
  rfcBaseUrl: string;
  /** Old registry snapshots to fetch as well (space- or comma-separated). */
  archiveUrls: string[];
  /** How long one download may take before the network counts as unavailable. */
  fetchTimeoutMs: number;
  port: number;
  /** The built site `start` serves; unset: `site/dist`, built when missing. */
  siteDir: string | undefined;
  /** Print stack traces with errors. */
  debug: boolean;
  /** How often `start` syncs while it serves (`24h`; see `parseSyncInterval`); unset: never. */
  syncInterval: string | undefined;
  /** False: reading commands never use the snapshot cache file (`PORTBOOK_SNAPSHOT_CACHE=0`). */
  snapshotCache: boolean;
  /** NO_COLOR (no-color.org): no colours in the output even on a terminal. */
  noColor: boolean;
  /** FORCE_COLOR: colours even when stdout is not a terminal. */
  forceColor: boolean;
}

const IANA_XML_URL =
  'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml';
const RFC_BASE_URL = 'https://www.rfc-editor.org/rfc';

function flag(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export function cliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return {
    mirror: env.PORTBOOK_MIRROR || undefined,
    offline: flag(env.PORTBOOK_OFFLINE),
    archive: env.PORTBOOK_ARCHIVE ? flag(env.PORTBOOK_ARCHIVE) : true,
    archiveUntil: env.PORTBOOK_ARCHIVE_UNTIL || undefined,
    ianaUrl: env.PORTBOOK_IANA_URL || IANA_XML_URL,
    rfcBaseUrl: (env.PORTBOOK_RFC_URL || RFC_BASE_URL).replace(/\/+$/, ''),
    archiveUrls: (env.PORTBOOK_ARCHIVE_URLS ?? '').split(/[\s,]+/).filter(Boolean),
    fetchTimeoutMs: positiveNumber(env.PORTBOOK_FETCH_TIMEOUT_MS, 20_000),
    port: positiveNumber(env.PORT, 4000),
    siteDir: env.PORTBOOK_SITE_DIR || undefined,
    debug: flag(env.PORTBOOK_DEBUG),
    syncInterval: env.PORTBOOK_SYNC_INTERVAL || undefined,
    snapshotCache: env.PORTBOOK_SNAPSHOT_CACHE ? flag(env.PORTBOOK_SNAPSHOT_CACHE) : true,
    noColor: Boolean(env.NO_COLOR),
    forceColor: flag(env.FORCE_COLOR),
  };
}
