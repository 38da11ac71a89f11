import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors'];

export interface CorsSettings {
  /** Origins allowed to call the API from a browser; none or `*`: any origin. */
  origins?: readonly string[] | undefined;
  /** Let the listed origins send cookies; ignored for "any origin", which must never get them. */
  credentials?: boolean | undefined;
}

/** Routes that are for operators, not for pages on other sites. */
const NO_CORS = new Set(['/metrics', '/healthz', '/readyz']);

const listedOrigins = (settings: CorsSettings) =>
  settings.origins?.includes('*')
    ? []
    : (settings.origins?.filter((origin) => origin && origin !== '*') ?? []);

/**
 * CORS for the public API: any origin (or the listed ones) may read it, without credentials
 * unless asked for with explicit origins; operators' routes (`/metrics`) get no CORS at all.
 */
export function corsFor(settings: CorsSettings): CorsOption {
  const listed = listedOrigins(settings);
  const options = {
    origin: listed.length === 0 ? '*' : listed,
    credentials: listed.length > 0 && settings.credentials === true,
    methods: ['GET', 'POST'],
    maxAge: 86400,
  };
  return (request: Request) => (NO_CORS.has(new URL(request.url).pathname) ? false : options);
}

/**
 * With any origin allowed, yoga still echoes each caller's origin and adds `Vary: Origin`, which
 * splits every CDN entry per calling site; `*` says the same to browsers and caches once.
 */
export function anyOriginPlugin(settings: CorsSettings): Plugin {
  const anyOrigin = listedOrigins(settings).length === 0;
  return {
    onResponse({ response }) {
      if (!anyOrigin || !response.headers.has('access-control-allow-origin')) return;
      response.headers.set('access-control-allow-origin', '*');
      const vary = (response.headers.get('vary') ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name && name.toLowerCase() !== 'origin');
      if (vary.length) response.headers.set('vary', vary.join(', '));
      else response.headers.delete('vary');
    },
  };
}
