import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { sha256 } from './sha256.ts';

/** Where GraphiQL's own files are served from, so it works offline and under a strict CSP. */
export const GRAPHIQL_ASSETS = '/graphiql/';

const gzipAsync = promisify(gzip);

interface Asset {
  body: Buffer;
  gzipped: Buffer;
  type: string;
  etag: string;
}

const JS = 'text/javascript; charset=utf-8';

/** The editor's language services run in workers, loaded from here rather than from a CDN. */
const WORKERS = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_module, label) =>
    '${GRAPHIQL_ASSETS}' + (label === 'json' || label === 'graphql' ? label : 'editor') + '.worker.js',
};`;

/** Starts GraphiQL with the options the page carries as JSON: no inline script needed. */
const START = `YogaGraphiQL.renderYogaGraphiQL(
  document.getElementById('root'),
  JSON.parse(document.getElementById('graphiql-options').textContent),
);`;

async function asset(body: string | Buffer, type: string): Promise<Asset> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, gzipped: await gzipAsync(bytes), type, etag: `"${sha256(bytes)}"` };
}

let assets: Promise<Map<string, Asset>> | undefined;

/** GraphiQL from `@graphql-yoga/render-graphiql` (9 MB of code): loaded on the first visit only. */
function graphiqlAssets(): Promise<Map<string, Asset>> {
  assets ??= import('@graphql-yoga/render-graphiql/graphiql').then(async (graphiql) => {
    const favicon = Buffer.from(graphiql.favicon.replace(/^data:[^,]*;base64,/, ''), 'base64');
    const entries: [string, Promise<Asset>][] = [
      ['graphiql.js', asset(`${WORKERS}\n${graphiql.js}\n${START}\n`, JS)],
      ['graphiql.css', asset(graphiql.css, 'text/css; charset=utf-8')],
      ['editor.worker.js', asset(graphiql.editorWorkerService, JS)],
      ['json.worker.js', asset(graphiql.jsonWorker, JS)],
      ['graphql.worker.js', asset(graphiql.graphqlWorker, JS)],
      ['favicon.ico', asset(favicon, 'image/x-icon')],
    ];
    return new Map(await Promise.all(entries.map(async ([name, a]) => [name, await a] as const)));
  });
  return assets;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GraphiQL's page: the options as JSON data (`<` escaped so it cannot close the element). */
export function renderGraphiQL(options: GraphiQLOptions): string {
  const title = escapeHtml(options.title ?? 'GraphiQL');
  const data = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${GRAPHIQL_ASSETS}favicon.ico">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS}graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript; the API itself answers GET and POST at this address.</noscript>
<div id="root">Loading ${title}…</div>
<script type="application/json" id="graphiql-options">${data}</script>
<script src="${GRAPHIQL_ASSETS}graphiql.js"></script>
</body>
</html>
`;
}

/** Serves GraphiQL's code, styles and workers, gzipped when the browser takes it, revalidated by ETag. */
export function graphiqlAssetsPlugin(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS)) return;
      const found = (await graphiqlAssets()).get(url.pathname.slice(GRAPHIQL_ASSETS.length));
      if (!found || (request.method !== 'GET' && request.method !== 'HEAD')) {
        endResponse(
          new fetchAPI.Response(null, { status: 404, headers: { 'cache-control': 'no-store' } }),
        );
        return;
      }
      const headers: Record<string, string> = {
        'content-type': found.type,
        etag: found.etag,
        'cache-control': 'public, max-age=3600',
        vary: 'Accept-Encoding',
      };
      if (request.headers.get('if-none-match') === found.etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const gzipped = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      if (gzipped) headers['content-encoding'] = 'gzip';
      const body = gzipped ? found.gzipped : found.body;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          status: 200,
          headers,
        }),
      );
    },
  };
}
