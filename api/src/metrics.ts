import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { SERVED_FROM_CACHE } from './response-cache.ts';

/** Paths with their own series; anything else (probes of random URLs) is counted as `other`. */
const ROUTES = new Set(['/graphql', '/services', '/healthz', '/readyz', '/metrics']);
/** Codes are server-chosen, but a label must never take an unbounded set of values. */
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;

export interface MetricsOptions {
  /** When set, `/metrics` answers only requests carrying `Authorization: Bearer <token>`. */
  token?: string | undefined;
}

/** Whether the request carries the bearer token, compared in constant time. */
export function hasBearerToken(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ApiMetrics {
  registry: Registry;
  plugin: Plugin;
}

let processMetrics: Registry | undefined;

/** Memory, CPU, event loop and GC of this process: collected once, whatever the number of APIs in it. */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: 'portbook_' });
  }
  return processMetrics;
}

function routeOf(url: string): string {
  const path = new URL(url).pathname;
  return ROUTES.has(path) ? path : 'other';
}

interface ProcessedResult {
  errors?: readonly { extensions?: Record<string, unknown> }[];
  [SERVED_FROM_CACHE]?: boolean;
}

/**
 * Prometheus metrics for one API instance, served at `/metrics`: requests and latencies per
 * route and status, GraphQL results by outcome, errors by `extensions.code`, response-cache hits.
 * Labels never carry client-chosen text (operation names, URLs), so series stay bounded.
 */
export function createMetrics(options: MetricsOptions = {}): ApiMetrics {
  const own = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'portbook_http_requests_total',
    help: 'HTTP requests answered by the API, by method, route and status',
    labelNames,
    registers: [own],
  });
  const duration = new Histogram({
    name: 'portbook_http_request_duration_seconds',
    help: 'Time from request to response, by method, route and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [own],
  });
  const results = new Counter({
    name: 'portbook_graphql_results_total',
    help: 'GraphQL results sent, by outcome (ok, or error when the result carries errors)',
    labelNames: ['outcome'],
    registers: [own],
  });
  const errors = new Counter({
    name: 'portbook_graphql_errors_total',
    help: 'GraphQL errors sent, by extensions.code',
    labelNames: ['code'],
    registers: [own],
  });
  const cache = new Counter({
    name: 'portbook_response_cache_total',
    help: 'GraphQL results by response cache outcome (hit: served without executing)',
    labelNames: ['result'],
    registers: [own],
  });
  const registry = Registry.merge([processRegistry(), own]);
  const started = new WeakMap<Request, number>();

  const countResult = (result: ProcessedResult) => {
    const failed = (result.errors?.length ?? 0) > 0;
    results.inc({ outcome: failed ? 'error' : 'ok' });
    for (const error of result.errors ?? []) {
      const code = String(error.extensions?.code ?? 'NONE');
      errors.inc({ code: ERROR_CODE.test(code) ? code : 'OTHER' });
    }
    cache.inc({ result: result[SERVED_FROM_CACHE] ? 'hit' : 'miss' });
  };

  const plugin: Plugin = {
    onRequest({ request, url, endResponse, fetchAPI }) {
      started.set(request, performance.now());
      if (url.pathname !== '/metrics') return;
      if (options.token && !hasBearerToken(request, options.token)) {
        endResponse(
          new fetchAPI.Response('metrics need a bearer token (METRICS_TOKEN)\n', {
            status: 401,
            headers: { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' },
          }),
        );
        return;
      }
      return registry.metrics().then((text) => {
        endResponse(
          new fetchAPI.Response(text, {
            headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
          }),
        );
      });
    },
    onResultProcess({ result }) {
      for (const one of Array.isArray(result) ? result : [result]) {
        if (one && typeof one === 'object' && !(Symbol.asyncIterator in one)) {
          countResult(one as ProcessedResult);
        }
      }
    },
    onResponse({ request, response }) {
      const labels = {
        method: request.method,
        route: routeOf(request.url),
        status: String(response.status),
      };
      requests.inc(labels);
      const start = started.get(request);
      if (start !== undefined) duration.observe(labels, (performance.now() - start) / 1000);
    },
  };
  return { registry, plugin };
}
