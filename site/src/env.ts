import { PORT_MAX, PORT_MIN, PortbookError } from '@portbook/core';

/** The site's settings read from the environment, in one place. */
export interface SiteEnv {
  /**
   * `PORTBOOK_SITE_URL`: the public origin (`https://ports.example.org`) for canonical links,
   * the sitemaps and the feed. Unset, those use relative links and the build says so.
   */
  siteUrl: string | undefined;
  /** `PORTBOOK_SITE_PORTS=0-1100`: build only these port pages (to try a change quickly). */
  ports: { low: number; high: number };
}

export function siteEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  return {
    siteUrl: parseSiteUrl(env.PORTBOOK_SITE_URL),
    ports: parsePorts(env.PORTBOOK_SITE_PORTS),
  };
}

/** A link for `path`: absolute on the configured origin, else the path itself. */
export function siteLink(path: string, siteUrl: string | undefined): string {
  return siteUrl ? new URL(path, siteUrl).href : path;
}

function parseSiteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new PortbookError(
      'SITE_BUILD_FAILED',
      `PORTBOOK_SITE_URL must be an http(s) URL such as https://ports.example.org, not ${value}`,
    );
  }
  return url.href;
}

function parsePorts(value: string | undefined): { low: number; high: number } {
  if (!value) return { low: PORT_MIN, high: PORT_MAX };
  const match = /^(\d+)-(\d+)$/.exec(value);
  const low = Number(match?.[1]);
  const high = Number(match?.[2]);
  if (!match || low > high || high > PORT_MAX) {
    throw new PortbookError(
      'SITE_BUILD_FAILED',
      `PORTBOOK_SITE_PORTS must be a range of ports such as 0-1100, not ${value}`,
    );
  }
  return { low, high };
}
