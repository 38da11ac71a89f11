import type { Plugin } from 'graphql-yoga';

export interface HttpCachingOptions {
  /** Seconds HTTP caches may serve a GET response without asking again. */
  maxAge: number;
}

/**
 * `Cache-Control` for GraphQL responses: GET answers without errors may be cached publicly
 * (the registry changes a few times a month); POST, errors and everything else are not stored.
 * The `ETag` comes from the response cache, whose keys include the registry version.
 */
export function httpCachingPlugin(options: HttpCachingOptions): Plugin {
  const hasErrors = new WeakSet<Request>();
  return {
    onExecutionResult({ request, result }) {
      if (result && !Array.isArray(result) && 'errors' in result && result.errors?.length) {
        hasErrors.add(request);
      }
    },
    onResponse({ request, response }) {
      const path = new URL(request.url).pathname;
      if (path !== '/graphql' || response.headers.has('cache-control')) return;
      const cacheable =
        request.method === 'GET' && response.status === 200 && !hasErrors.has(request);
      response.headers.set(
        'cache-control',
        cacheable
          ? `public, max-age=${options.maxAge}, stale-while-revalidate=${options.maxAge * 10}`
          : 'no-store',
      );
    },
  };
}
