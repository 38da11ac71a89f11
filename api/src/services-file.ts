import {
  formatServicesFile,
  PROTOCOLS,
  type Protocol,
  STATUSES,
  type Status,
} from '@portbook/core';
import { type Db, namedAssignments, registryInfo } from '@portbook/db';
import type { Plugin } from 'graphql-yoga';
import type { RegistryState } from './registry-state.ts';
import { parseDate } from './schema/date.ts';
import { sha256 } from './sha256.ts';

class BadRequest extends Error {}

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
}

function parseWithin(value: string | null) {
  if (!value) return undefined;
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value.trim());
  const low = Number(match?.[1]);
  const high = Number(match?.[2] ?? match?.[1]);
  if (!match || low > high || high > 65535)
    throw new BadRequest(
      `within must be PORT or LOW-HIGH within 0-65535, got ${JSON.stringify(value)}`,
    );
  return { low, high };
}

/** The query string as parameters; malformed percent-encoding (`?x=%`) is the client's mistake. */
export function servicesFileParams(search: string): URLSearchParams {
  try {
    decodeURIComponent(search.replace(/\+/g, ' '));
  } catch {
    throw new BadRequest('the query string is not valid percent-encoding (a `%` must start `%XX`)');
  }
  return new URLSearchParams(search);
}

/** How long the filter may run in the file's header before it is cut. */
const MAX_FILTER_ECHO = 200;

/** The filter as one line of plain text for the header: no line breaks or control characters. */
export function describeFilter(params: URLSearchParams): string {
  const text = [...params].map(([name, value]) => `${name}=${value}`).join('&');
  if (!text) return 'all protocols';
  const line = text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ');
  return `filter ${line.length > MAX_FILTER_ECHO ? `${line.slice(0, MAX_FILTER_ECHO)}…` : line}`;
}

/** `GET /services?protocol=tcp,udp&within=1-1023&ranges=expand&status=assigned&at=2020-01-01`. */
export function servicesFileQuery(params: URLSearchParams) {
  const protocols = list(params, 'protocol');
  const unknown = protocols.find((p) => !PROTOCOLS.includes(p as Protocol));
  if (unknown)
    throw new BadRequest(
      `unknown protocol ${JSON.stringify(unknown)}; use ${PROTOCOLS.join(', ')}`,
    );
  const statuses = list(params, 'status');
  const badStatus = statuses.find((s) => !STATUSES.includes(s as Status));
  if (badStatus)
    throw new BadRequest(`unknown status ${JSON.stringify(badStatus)}; use ${STATUSES.join(', ')}`);
  const ranges = params.get('ranges') ?? 'first';
  if (ranges !== 'first' && ranges !== 'expand')
    throw new BadRequest('ranges must be `first` or `expand`');
  let at: string | undefined;
  try {
    at = params.get('at') ? parseDate(params.get('at')) : undefined;
  } catch (error) {
    throw new BadRequest((error as Error).message);
  }
  return {
    filter: {
      at,
      protocols: protocols.length ? (protocols as Protocol[]) : undefined,
      statuses: (statuses.length ? statuses : ['assigned']) as Status[],
      within: parseWithin(params.get('within')),
    },
    expandRanges: ranges === 'expand',
  };
}

/** Serves the registry as an `/etc/services` file, with the same caching rules as GraphQL GETs. */
export function servicesFilePlugin(db: Db, registry: RegistryState): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/services') return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(
          new fetchAPI.Response('use GET\n', { status: 405, headers: { allow: 'GET, HEAD' } }),
        );
        return;
      }
      let params: URLSearchParams;
      let query: ReturnType<typeof servicesFileQuery>;
      try {
        params = servicesFileParams(url.search);
        query = servicesFileQuery(params);
      } catch (error) {
        if (!(error instanceof BadRequest)) throw error;
        endResponse(
          new fetchAPI.Response(`${error.message}\n`, {
            status: 400,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
        return;
      }
      const etag = `"${sha256(`${await registry.version()}|${url.search}`)}"`;
      const headers = {
        etag,
        'cache-control': 'public, max-age=3600',
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': 'inline; filename="services"',
      };
      if (request.headers.get('if-none-match') === etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const [records, info] = await Promise.all([
        namedAssignments(db, query.filter),
        registryInfo(db),
      ]);
      const header = [
        'services(5) from the IANA Service Name and Transport Protocol Port Number Registry, by portbook.',
        info.latest
          ? `Registry updated ${info.latest.published}, sha256 ${info.latest.sha256}.`
          : 'No registry imported yet.',
        `Registry as of ${query.filter.at ?? 'today'}; ${describeFilter(params)}.`,
        '',
      ];
      const body = formatServicesFile(records, { expandRanges: query.expandRanges, header });
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }),
      );
    },
  };
}
