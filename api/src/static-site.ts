import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { SECURITY_HEADERS } from './security-headers.ts';

export type StaticSite = (req: IncomingMessage, res: ServerResponse) => void;

/** Astro names these files by content hash: a new build makes new names, so they never change. */
const HASHED_ASSETS = '/_astro/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages keep their URL across builds: caches may keep them but must ask (ETag) before reuse. */
const REVALIDATE = 'public, no-cache';

/** Codings the client refuses (`br;q=0`) are dropped: sirv only tests whether the name appears. */
export function acceptedEncodings(header: string | undefined): string {
  return (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !/;\s*q=0(\.0*)?$/i.test(part))
    .join(', ');
}

/**
 * sirv serves one range given as `bytes=FIRST-LAST` or `bytes=FIRST-`; anything else (a suffix
 * `bytes=-500`, several ranges, an `If-Range` it cannot check) it would answer wrongly, so the
 * range is ignored and the whole file sent, as HTTP allows (RFC 9110 §14.2).
 */
export function servableRange(range: string | undefined, ifRange: string | undefined) {
  if (!range || ifRange) return undefined;
  const match = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (last && Number(last) < Number(first)) return undefined;
  return range.trim();
}

/** Whether `If-None-Match` names the ETag (weak comparison, lists and `*`, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * sirv answers a matching `If-None-Match` with a bare 304; HTTP wants the ETag, Vary and
 * Cache-Control of the 200 in it. So the condition is checked here, when sirv writes its head.
 */
function answeringNotModified(res: ServerResponse, ifNoneMatch: string | undefined): void {
  const writeHead = res.writeHead.bind(res) as (
    status: number,
    headers?: OutgoingHttpHeaders,
  ) => ServerResponse;
  res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    const full = status === 200 || status === 206;
    if (!full || !matchesEtag(ifNoneMatch, headers?.ETag as string | undefined)) {
      return writeHead(status, headers);
    }
    const { 'Content-Length': _length, 'Content-Range': _range, ...unchanged } = headers ?? {};
    // Node ignores the body sirv then pipes: a 304 has none.
    return writeHead(304, unchanged);
  }) as ServerResponse['writeHead'];
}

/** The path as sirv will look it up (it decodes `%2e` and the like). */
function decodedPath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function cacheControlFor(path: string): string {
  return path.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE;
}

/**
 * The built site as a static host serves it: precompressed `.br`/`.gz` files by `Accept-Encoding`
 * (`Vary: Accept-Encoding`), long-lived caching for hashed assets and ETag revalidation for pages,
 * HEAD, single byte ranges, and the site's `404.html` with status 404 for any other path.
 * Undefined when the site has not been built.
 */
export function staticSite(dir: string): StaticSite | undefined {
  if (!existsSync(dir)) return undefined;
  // Looked up per request (sirv's `dev`), not indexed at start: indexing the full site took 4-9 s
  // and 180-270 MB, failed outright while a build was rewriting it, and missed files built later.
  const files = sirv(dir, {
    dev: true,
    etag: true,
    extensions: ['html'],
    brotli: true,
    gzip: true,
  });
  const notFoundPage = join(dir, '404.html');
  const notFound = existsSync(notFoundPage) ? readFileSync(notFoundPage) : undefined;

  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    req.headers['accept-encoding'] = acceptedEncodings(req.headers['accept-encoding']);
    const range = servableRange(req.headers.range, req.headers['if-range'] as string | undefined);
    if (range) req.headers.range = range;
    else delete req.headers.range;
    answeringNotModified(res, req.headers['if-none-match']);
    delete req.headers['if-none-match'];
    res.setHeader('cache-control', cacheControlFor(path));
    res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('accept-ranges', 'bytes');
    // Looked up per request, sirv no longer skips dotfiles itself.
    const hidden = /\/\.(?!well-known\/)/.test(decodedPath(path));
    const serve = hidden
      ? (_req: IncomingMessage, _res: ServerResponse, next: () => void) => next()
      : files;
    serve(req, res, () => {
      res.removeHeader('accept-ranges');
      res.writeHead(404, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(notFound ? { 'content-length': notFound.length } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : (notFound ?? 'Not found\n'));
    });
  };
}
