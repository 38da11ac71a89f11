import {
  commonUseRecords,
  formatServicesFile,
  PROTOCOLS,
  type Protocol,
  parseDate,
  type RegistrySnapshot,
  STATUSES,
  type Status,
  withCommonUses,
} from '@portbook/core';
import type { Plugin } from 'graphql-yoga';
import type { RegistryState } from './registry-state.ts';
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

/**
 * `GET /services?protocol=tcp,udp&within=1-1023&ranges=expand&status=assigned&at=2020-01-01`;
 * `uses=common` adds software defaults, each line's comment marked unofficial.
 */
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
  const uses = params.get('uses') ?? 'registered';
  if (uses !== 'registered' && uses !== 'common')
    throw new BadRequest('uses must be `registered` (the default) or `common`');
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
    commonUses: uses === 'common',
  };
}

type ServicesFileQuery = ReturnType<typeof servicesFileQuery>;

/** The file for one snapshot and one normalised query: what it is cached under. */
function renderServicesFile(snapshot: RegistrySnapshot, query: ServicesFileQuery): string {
  const { filter } = query;
  const latest = snapshot.registry.latest;
  const described = [
    filter.protocols ? `protocol=${filter.protocols.join(',')}` : 'all protocols',
    `status=${filter.statuses.join(',')}`,
    filter.within ? `within=${filter.within.low}-${filter.within.high}` : '',
    `ranges=${query.expandRanges ? 'expand' : 'first'}`,
    query.commonUses ? 'uses=common' : '',
  ].filter(Boolean);
  const header = [
    'services(5) from the IANA Service Name and Transport Protocol Port Number Registry, by portbook.',
    latest
      ? `Registry updated ${latest.published}, sha256 ${latest.sha256}.`
      : 'No registry imported yet.',
    `Registry as of ${filter.at ?? 'today'}; ${described.join(' ')}.`,
    ...(query.commonUses
      ? [
          "Lines marked unofficial are software defaults from portbook's cited data set (not dated),",
          'not IANA registrations; a program is named by its portbook slug.',
        ]
      : []),
    '',
  ];
  const registered = snapshot.namedAssignments(filter);
  const records = query.commonUses
    ? withCommonUses(registered, commonUseRecords(snapshot.allCommonUses, filter))
    : registered;
  return formatServicesFile(records, {
    expandRanges: query.expandRanges,
    header,
  });
}

/** Bodies already rendered, per registry version and normalised query (the oldest go first). */
const RENDERED_FILES = 64;

/** Serves the registry as an `/etc/services` file, with the same caching rules as GraphQL GETs. */
export function servicesFilePlugin(registry: RegistryState): Plugin {
  const rendered = new Map<string, string>();
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
      const snapshot = await registry.snapshot();
      const etag = `"${sha256(`${snapshot.answersVersion}|${url.search}`)}"`;
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
      const key = `${snapshot.answersVersion}|${JSON.stringify(query)}`;
      let body = rendered.get(key);
      if (body === undefined) {
        body = renderServicesFile(snapshot, query);
        if (rendered.size >= RENDERED_FILES)
          rendered.delete(rendered.keys().next().value as string);
        rendered.set(key, body);
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }),
      );
    },
  };
}
