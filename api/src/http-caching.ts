import type { Plugin } from 'graphql-yoga';
import type { RegistryState } from './registry-state.ts';
import { sha256 } from './sha256.ts';

export interface HttpCachingOptions {
  /** Seconds HTTP caches may serve a GET response without asking again. */
  maxAge: number;
  registry: RegistryState;
}

/** One GET URL answers JSON, graphql-response+json, SSE or GraphiQL's page by `Accept`. */
export const VARY = ['Accept', 'Accept-Encoding'];

/** Representations a cache may keep; SSE streams and anything else are never stored. */
const STORABLE = /^(application\/json|application\/graphql-response\+json|text\/html)\b/;

/** Adds names to `Vary`, keeping what another plugin (CORS's `Origin`) put there. */
export function addVary(headers: Headers, names: readonly string[]): void {
  const present = (headers.get('vary') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const lower = new Set(present.map((name) => name.toLowerCase()));
  headers.set('vary', [...present, ...names.filter((n) => !lower.has(n.toLowerCase()))].join(', '));
}

/**
 * The same GET on the same registry version, asking for the same representation, gets the same
 * answer: the ETag names all three, so a JSON answer never revalidates a GraphiQL page.
 */
async function etagFor(registry: RegistryState, url: URL, accept: string | null): Promise<string> {
  const representation = (accept ?? '').toLowerCase().replace(/\s+/g, '');
  return `"${sha256(`${await registry.version()}|${url.pathname}|${url.search}|${representation}`)}"`;
}

const resultsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : [result]);
const hasErrors = (result: unknown) =>
  !!result &&
  typeof result === 'object' &&
  Array.isArray((result as { errors?: unknown }).errors) &&
  (result as { errors: unknown[] }).errors.length > 0;

/**
 * HTTP caching for GraphQL GETs: `ETag` from the registry version, the request and its `Accept`,
 * 304 when it still matches, `Vary: Accept, Accept-Encoding`, and a public `Cache-Control` for
 * answers without errors. POSTs, errors (validation ones included), streams and everything
 * else are `no-store`.
 */
export function httpCachingPlugin(options: HttpCachingOptions): Plugin {
  const failed = new WeakSet<Request>();
  const isGraphQLGet = (request: Request, url: URL) =>
    request.method === 'GET' && url.pathname === '/graphql';
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const conditional = request.headers.get('if-none-match');
      if (!conditional || !isGraphQLGet(request, url)) return;
      const etag = await etagFor(options.registry, url, request.headers.get('accept'));
      if (conditional === etag) {
        const headers = new fetchAPI.Headers({ etag, 'cache-control': cacheControl(options) });
        addVary(headers, VARY);
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
      }
    },
    onResultProcess({ request, result }) {
      if (resultsOf(result).some(hasErrors)) failed.add(request);
    },
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      if (url.pathname !== '/graphql' || response.status === 304) return;
      addVary(response.headers, VARY);
      const cacheable =
        isGraphQLGet(request, url) &&
        response.status === 200 &&
        !failed.has(request) &&
        STORABLE.test(response.headers.get('content-type') ?? '');
      response.headers.delete('last-modified');
      if (!cacheable) {
        response.headers.delete('etag');
        response.headers.set('cache-control', 'no-store');
        return;
      }
      const accept = request.headers.get('accept');
      response.headers.set('etag', await etagFor(options.registry, url, accept));
      response.headers.set('cache-control', cacheControl(options));
    },
  };
}

function cacheControl(options: HttpCachingOptions): string {
  return `public, max-age=${options.maxAge}, stale-while-revalidate=${options.maxAge * 10}`;
}
