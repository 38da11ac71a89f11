import type { Plugin } from 'graphql-yoga';

/**
 * One policy for the site and GraphiQL, both served from this origin with no inline script:
 * Astro writes its scripts as files (`assetsInlineLimit: 0`) and GraphiQL's start-up is a file
 * too (`graphiql.ts`). Styles may be inline (SVG charts, the editor's own). Pagefind's search
 * runs WebAssembly; the editor runs its language services in workers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response, API and site alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The security headers on every response yoga writes (GraphQL, GraphiQL, `/services`, probes). */
export function securityHeadersPlugin(): Plugin {
  return {
    onResponse({ response }) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        response.headers.set(name, value);
      }
    },
  };
}
