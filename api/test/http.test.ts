import { importDocuments, rawRows } from '@portbook/db';
import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS, operationHash } from '../src/examples.ts';
import { createApi } from '../src/index.ts';
import { NEW_DOCUMENT } from './fixtures.ts';
import { openTestApi, type TestApi } from './harness.ts';

const URL_BASE = 'http://portbook.test';
const get = (api: TestApi, query: string, headers: Record<string, string> = {}) =>
  api.yoga.fetch(`${URL_BASE}/graphql?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/json', ...headers },
  });

describe.each(TEST_DATABASE_KINDS)('HTTP behaviour on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind, { responseCache: true, versionTtlMs: 0 });
  });
  afterAll(() => api?.close());

  it('answers GET with a public Cache-Control and an ETag, and 304 to a matching If-None-Match', async () => {
    const first = await get(api, '{ port(number: 22) { status } }');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get(api, '{ port(number: 22) { status } }', {
      'if-none-match': etag as string,
    });
    expect(again.status).toBe(304);
    const other = await get(api, '{ port(number: 80) { status } }');
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('never lets HTTP caches store POSTs or errors', async () => {
    const post = await api.yoga.fetch(`${URL_BASE}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ port(number: 22) { status } }' }),
    });
    expect(post.headers.get('cache-control')).toBe('no-store');
    const failed = await get(api, '{ port(number: 70000) { status } }');
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.headers.get('etag')).toBeNull();
  });

  it('serves a repeated query from the response cache without touching the database', async () => {
    const query = '{ port(number: 6010) { status assignments { nodes { serviceName } } } }';
    await get(api, query);
    api.resetStatements();
    const cached = await get(api, query);
    expect(await cached.json()).toEqual({
      data: {
        port: {
          status: 'ASSIGNED',
          assignments: { nodes: [{ serviceName: 'x11' }, { serviceName: 'x11' }] },
        },
      },
    });
    expect(api.statements.filter((s) => !s.includes('max('))).toEqual([]);
  });

  it('runs persisted operations by sha256, over GET too', async () => {
    const hash = operationHash(EXAMPLE_OPERATIONS.Port);
    const extensions = encodeURIComponent(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    );
    const variables = encodeURIComponent(JSON.stringify({ number: 22 }));
    const response = await api.yoga.fetch(
      `${URL_BASE}/graphql?extensions=${extensions}&variables=${variables}`,
      {
        headers: { accept: 'application/json' },
      },
    );
    const body = (await response.json()) as { data: { port: { number: number; status: string } } };
    expect(body.data.port).toMatchObject({ number: 22, status: 'ASSIGNED' });
    const unknown = await api.yoga.fetch(`${URL_BASE}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
      }),
    });
    expect(JSON.stringify(await unknown.json())).toContain('PersistedQueryNotFound');
  });

  it('refuses queries that are too deep, too costly, too aliased or too long, and big batches', async () => {
    const deep = `{ port(number: 1) { ${'previousAssigned { '.repeat(14)}number${' }'.repeat(14)} } }`;
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: port(number: ${i}) { number }`).join(' ')} }`;
    const costly = `{ ports(first: 100) { nodes { assignments(first: 100) { nodes { source { title } assignee { name } contact { name } firstSource { title } } } history(first: 100) { nodes { source { title } before { description } after { description } } } } } }`;
    const tokens = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
    for (const query of [deep, aliases, costly, tokens]) {
      const body = (await (await get(api, query)).json()) as {
        errors?: { message: string; extensions?: { code?: string } }[];
        data?: unknown;
      };
      expect(body.errors?.[0]?.extensions?.code, query.slice(0, 40)).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect(body.data).toBeUndefined();
    }
    const batch = await api.yoga.fetch(`${URL_BASE}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 6 }, () => ({ query: '{ __typename }' }))),
    });
    expect(batch.status).toBe(413);
    const small = await api.yoga.fetch(`${URL_BASE}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ a: __typename }' }, { query: '{ b: __typename }' }]),
    });
    expect(await small.json()).toEqual([{ data: { a: 'Query' } }, { data: { b: 'Query' } }]);
  });

  it('reads request bodies up to about 1 MB and refuses a 2 MB one with 413', async () => {
    const post = (pad: string) =>
      api.yoga.fetch(`${URL_BASE}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', variables: { pad } }),
      });
    const under = await post('x'.repeat(900_000));
    expect(under.status).toBe(200);
    expect(await under.json()).toEqual({ data: { __typename: 'Query' } });
    const over = await post('x'.repeat(2_000_000));
    expect(over.status).toBe(413);
    const body = (await over.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
  });

  it("answers malformed JSON with 400 BAD_REQUEST and nothing of the parser's error", async () => {
    const post = await api.yoga.fetch(`${URL_BASE}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ __typename }"',
    });
    expect(post.status).toBe(400);
    expect(await post.json()).toEqual({
      errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    const variables = encodeURIComponent('{"n": ');
    const query = encodeURIComponent('query($n: Int) { port(number: $n) { number } }');
    const getRequest = await api.yoga.fetch(
      `${URL_BASE}/graphql?query=${query}&variables=${variables}`,
      { headers: { accept: 'application/json' } },
    );
    expect(getRequest.status).toBe(400);
    expect(await getRequest.json()).toEqual({
      errors: [
        { message: 'request parameters sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });

  it('names a mistake in a query without suggesting the schema ("Did you mean …")', async () => {
    const mistakes: [string, string][] = [
      ['{ registry { recordCont } }', 'Cannot query field "recordCont" on type "Registry".'],
      ['{ port(numbr: 22) { number } }', 'Unknown argument "numbr" on field "Query.port".'],
      ['{ port(number: 22) { ... on Prt { number } } }', 'Unknown type "Prt".'],
      [
        '{ ports(filter: { statuses: [ASSIGNE] }) { totalCount } }',
        'Value "ASSIGNE" does not exist in "Status" enum.',
      ],
    ];
    for (const [query, message] of mistakes) {
      const { errors } = await api.query(query);
      expect(errors?.[0], query).toMatchObject({
        message,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect(JSON.stringify(errors), query).not.toMatch(/did you mean|suggestion/i);
    }
  });

  it("refuses a variable's invalid value as BAD_USER_INPUT naming the variable, not as internal", async () => {
    const { errors } = await api.query(
      'query($s: [Status!]) { ports(filter: { statuses: $s }) { totalCount } }',
      { s: ['ASSIGNE'] },
    );
    expect(errors).toMatchObject([
      {
        message:
          'Variable "$s" got invalid value "ASSIGNE" at "s[0]"; Value "ASSIGNE" does not exist in "Status" enum.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('answers CORS preflights', async () => {
    const response = await api.yoga.fetch(`${URL_BASE}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it('shows GraphiQL with the example operations to a browser', async () => {
    const response = await api.yoga.fetch(`${URL_BASE}/graphql`, {
      headers: { accept: 'text/html' },
    });
    const html = await response.text();
    expect(html).toContain('portbook');
    expect(html).toContain('ServiceHistory');
    expect(html).toContain('FreePorts');
    expect(html).not.toContain('__TITLE__');
  });

  it('serves GraphiQL from its own files: nothing from a CDN, no inline script', async () => {
    const html = await (
      await api.yoga.fetch(`${URL_BASE}/graphql`, { headers: { accept: 'text/html' } })
    ).text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(references).toEqual([
      '/graphiql/favicon.ico',
      '/graphiql/graphiql.css',
      '/graphiql/graphiql.js',
    ]);
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.map(([, attributes]) => attributes?.trim())).toEqual([
      'type="application/json" id="graphiql-options"',
      'src="/graphiql/graphiql.js"',
    ]);
    const assets: [string, RegExp][] = [
      ['/graphiql/graphiql.js', /^text\/javascript/],
      ['/graphiql/graphiql.css', /^text\/css/],
      ['/graphiql/editor.worker.js', /^text\/javascript/],
      ['/graphiql/json.worker.js', /^text\/javascript/],
      ['/graphiql/graphql.worker.js', /^text\/javascript/],
      ['/graphiql/favicon.ico', /^image\//],
    ];
    for (const [path, type] of assets) {
      const asset = await api.yoga.fetch(`${URL_BASE}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type'), path).toMatch(type);
      expect((await asset.arrayBuffer()).byteLength, path).toBeGreaterThan(1000);
    }
    const code = await (await api.yoga.fetch(`${URL_BASE}/graphiql/graphiql.js`)).text();
    expect(code).toContain('renderYogaGraphiQL');
    expect(code).not.toContain('unpkg.com');
    expect((await api.yoga.fetch(`${URL_BASE}/graphiql/nope.js`)).status).toBe(404);
  });

  it('keeps one cache entry per representation: Vary: Accept and an ETag each', async () => {
    const url = '{ port(number: 22) { number } }';
    const json = await get(api, url);
    const graphqlResponse = await get(api, url, { accept: 'application/graphql-response+json' });
    const page = await get(api, url, { accept: 'text/html' });
    const etags = [json, graphqlResponse, page].map((response) => response.headers.get('etag'));
    expect(new Set(etags).size).toBe(3);
    for (const response of [json, graphqlResponse, page]) {
      expect(response.headers.get('vary')).toMatch(/\bAccept\b.*\bAccept-Encoding\b/);
    }
    const crossed = await get(api, url, {
      accept: 'text/html',
      'if-none-match': json.headers.get('etag') as string,
    });
    expect(crossed.status).toBe(200);
    expect(crossed.headers.get('content-type')).toMatch(/^text\/html/);
    const stream = await get(api, url, { accept: 'text/event-stream' });
    expect(stream.headers.get('cache-control')).toBe('no-store');
    await stream.text();
  });

  it('never lets caches store a GET answered with errors, validation errors included', async () => {
    for (const query of ['{ nope }', '{', '{ port(number: 70000) { number } }']) {
      const response = await get(api, query);
      expect(response.headers.get('cache-control'), query).toBe('no-store');
      expect(response.headers.get('etag'), query).toBeNull();
    }
  });

  it('exports an /etc/services file, filtered, with ranges first-port or expanded', async () => {
    const response = await api.yoga.fetch(`${URL_BASE}/services?protocol=udp&within=1-7000`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const lines = (await response.text()).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'ssh 22/udp',
      'https 443/udp',
      'x11 6000/udp',
    ]);
    const expanded = await (
      await api.yoga.fetch(`${URL_BASE}/services?protocol=tcp&within=6000-6100&ranges=expand`)
    ).text();
    expect(expanded.match(/^x11\s+\d+\/tcp/gm)).toHaveLength(64);
    const past = await (
      await api.yoga.fetch(`${URL_BASE}/services?at=2021-01-01&within=7000`)
    ).text();
    expect(past).toMatch(/^chatter\s+7000\/tcp/m);
    const etag = response.headers.get('etag') as string;
    const again = await api.yoga.fetch(`${URL_BASE}/services?protocol=udp&within=1-7000`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    for (const bad of [
      'protocol=ipx',
      'within=5-70000',
      'ranges=all',
      'at=2026-13-01',
      'status=taken',
    ]) {
      const refused = await api.yoga.fetch(`${URL_BASE}/services?${bad}`);
      expect(refused.status, bad).toBe(400);
    }
  });

  it('drops cached responses and changes ETags once an import lands', async () => {
    const query = '{ port(number: 9999) { status assignments { nodes { serviceName } } } }';
    const before = await get(api, query);
    expect(await before.json()).toEqual({
      data: { port: { status: 'UNASSIGNED', assignments: { nodes: [] } } },
    });
    const services = await api.yoga.fetch(`${URL_BASE}/services`);
    await importDocuments(api.database, [
      {
        ...NEW_DOCUMENT,
        edition: 'iana:2026-09-01',
        published: '2026-09-01',
        origin: 'fixture:2026-09-01.xml',
        sha256: 'c'.repeat(64),
        records: [
          ...NEW_DOCUMENT.records,
          {
            ...(NEW_DOCUMENT.records[2] as (typeof NEW_DOCUMENT.records)[number]),
            serviceName: 'newsvc',
            portRange: { low: 9999, high: 9999 },
            description: 'A new service',
          },
        ],
      },
    ]);
    // What an in-process sync does once it has imported: the new snapshot is built and swapped in.
    await api.yoga.registry.refresh();
    const after = await get(api, query, { 'if-none-match': before.headers.get('etag') as string });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({
      data: { port: { status: 'ASSIGNED', assignments: { nodes: [{ serviceName: 'newsvc' }] } } },
    });
    const servicesAfter = await api.yoga.fetch(`${URL_BASE}/services`, {
      headers: { 'if-none-match': services.headers.get('etag') as string },
    });
    expect(servicesAfter.status).toBe(200);
    expect(await servicesAfter.text()).toMatch(/^newsvc\s+9999\/tcp/m);
  });

  it("refuses text the database cannot store (a NUL character) as the client's mistake", async () => {
    const { errors } = await api.query('query($s: String!) { service(name: $s) { name } }', {
      s: 'ssh\u0000; drop table sources',
    });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).not.toMatch(/byte sequence|UTF8|0x00/);
  });

  it('masks internal errors: no SQL, table or stack reaches the client', async () => {
    await rawRows(api.database.db, sql`alter table changes rename to changes_gone`);
    // A fresh instance cannot build its first snapshot: the database's error must not leak.
    const fresh = createApi({ database: api.database, logger: pino({ level: 'silent' }) });
    try {
      const response = await fresh.fetch(`${URL_BASE}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ port(number: 22) { history { totalCount } } }' }),
      });
      const { errors } = (await response.json()) as { errors?: { message: string }[] };
      expect(errors?.[0]).toMatchObject({
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(errors)).not.toMatch(/changes|relation|select/i);
    } finally {
      await fresh.dispose();
    }
  });
});
