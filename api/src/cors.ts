import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors'];

export interface CorsSettings {
  /** Origins allowed to call the API from a browser; none or `*`: any origin. */
  origins?: readonly string[] | undefined;
  /** Let the listed origins send cookies; ignored for "any origin", which must never get them. */
  credentials?: boolean | undefined;
}

/** Routes that are for operators, not for pages on other sites. */
const NO_CORS = new Set(['/metrics', '/healthz', '/readyz']);

/**
 * CORS for the public API: any origin (or the listed ones) may read it, without credentials
 * unless asked for with explicit origins; operators' routes (`/metrics`) get no CORS at all.
 */
export function corsFor(settings: CorsSettings): CorsOption {
  const listed = settings.origins?.filter((origin) => origin && origin !== '*') ?? [];
  const anyOrigin = listed.length === 0 || settings.origins?.includes('*');
  const options = {
    origin: anyOrigin ? '*' : listed,
    credentials: !anyOrigin && settings.credentials === true,
    methods: ['GET', 'POST'],
    maxAge: 86400,
  };
  return (request: Request) => (NO_CORS.has(new URL(request.url).pathname) ? false : options);
}
