import type { Plugin } from 'graphql-yoga';
import type { RegistryState } from './registry-state.ts';
import { sha256 } from './sha256.ts';

export interface HttpCachingOptions {
  /** Seconds HTTP caches may serve a GET response without asking again. */
  maxAge: number;
  registry: RegistryState;
}

/** The same GET on the same registry version gets the same answer, so this names it. */
async function etagFor(registry: RegistryState, url: URL): Promise<string> {
  return `"${sha256(`${await registry.version()}|${url.pathname}|${url.search}`)}"`;
}

/**
 * HTTP caching for GraphQL GETs: `ETag` from the registry version and the request, 304 when it
 * still matches, and a public `Cache-Control` for answers without errors. POSTs, errors and
 * everything else are `no-store`.
 */
export function httpCachingPlugin(options: HttpCachingOptions): Plugin {
  const hasErrors = new WeakSet<Request>();
  const isGraphQLGet = (request: Request, url: URL) =>
    request.method === 'GET' && url.pathname === '/graphql';
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const conditional = request.headers.get('if-none-match');
      if (!conditional || !isGraphQLGet(request, url)) return;
      const etag = await etagFor(options.registry, url);
      if (conditional === etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers: { etag } }));
      }
    },
    onExecutionResult({ request, result }) {
      if (result && !Array.isArray(result) && 'errors' in result && result.errors?.length) {
        hasErrors.add(request);
      }
    },
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      if (url.pathname !== '/graphql') return;
      const cacheable =
        isGraphQLGet(request, url) && response.status === 200 && !hasErrors.has(request);
      response.headers.delete('last-modified');
      if (!cacheable) {
        response.headers.delete('etag');
        response.headers.set('cache-control', 'no-store');
        return;
      }
      response.headers.set('etag', await etagFor(options.registry, url));
      response.headers.set(
        'cache-control',
        `public, max-age=${options.maxAge}, stale-while-revalidate=${options.maxAge * 10}`,
      );
    },
  };
}
