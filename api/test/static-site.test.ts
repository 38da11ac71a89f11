import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose body comes back as sent (fetch would decode br and gzip on its own). */
function raw(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A built site in miniature, laid out as Astro and `precompress.ts` write it. */
function buildFixtureSite(): { dir: string; home: string } {
  const dir = mkdtempSync(join(tmpdir(), 'portbook-static-'));
  const home = `<!doctype html><title>portbook</title>${'<a href="/ports/1/">1</a>'.repeat(2000)}`;
  writeFileSync(join(dir, 'index.html'), home);
  writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(home));
  writeFileSync(join(dir, 'index.html.gz'), gzipSync(home));
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title><h1>Not found</h1>');
  mkdirSync(join(dir, 'ports', '22'), { recursive: true });
  writeFileSync(join(dir, 'ports', '22', 'index.html'), '<h1>Port 22</h1>');
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, '_astro', 'search.B1a2c3D4.js'), 'export const search = 1;\n');
  writeFileSync(join(dir, '.env'), 'SECRET=1\n');
  return { dir, home };
}

describe('the static site, served as a static host would', () => {
  let test: TestDatabase;
  let server: RunningServer;
  let home: string;
  let siteDir: string;
  beforeAll(async () => {
    const site = buildFixtureSite();
    home = site.home;
    siteDir = site.dir;
    test = await createTestDatabase('pglite');
    server = await startServer({
      database: test.database,
      port: 0,
      siteDir: site.dir,
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it('answers an unknown path with the built 404 page and status 404, stored by no cache', async () => {
    for (const path of [
      '/no-such-page',
      '/443',
      '/ports/99999/',
      '/.env',
      '/ports/../.env',
      '/%2eenv',
    ]) {
      const response = await raw(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body.toString()).toContain('<h1>Not found</h1>');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    const head = await raw(`${server.url}/no-such-page`, {}, 'HEAD');
    expect(head.status).toBe(404);
    expect(head.body.length).toBe(0);
  });

  it('sends the precompressed file the browser accepts, and says the answer varies by it', async () => {
    const brotli = await raw(`${server.url}/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(home);
    const gzip = await raw(`${server.url}/`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(home);
    const refused = await raw(`${server.url}/`, { 'accept-encoding': 'gzip, br;q=0' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const plain = await raw(`${server.url}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(home);
    expect(plain.headers['content-type']).toMatch(/^text\/html/);
    for (const response of [brotli, gzip, plain]) {
      expect(response.headers.vary).toBe('Accept-Encoding');
    }
    expect(brotli.headers.etag).not.toBe(plain.headers.etag);
  });

  it('lets caches keep hashed assets for a year and makes them revalidate pages by ETag', async () => {
    const asset = await raw(`${server.url}/_astro/search.B1a2c3D4.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await raw(`${server.url}/ports/22/`);
    expect(page.body.toString()).toBe('<h1>Port 22</h1>');
    expect(page.headers['cache-control']).toBe('public, no-cache');
    const etag = page.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await raw(`${server.url}/ports/22/`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('public, no-cache');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers.vary).toBe('Accept-Encoding');
    expect(again.body.length).toBe(0);
    const listed = await raw(`${server.url}/ports/22/`, { 'if-none-match': `"other", ${etag}` });
    expect(listed.status).toBe(304);
    const changed = await raw(`${server.url}/ports/22/`, { 'if-none-match': '"other"' });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toBe('<h1>Port 22</h1>');
  });

  it('serves a page written after start (a rebuild while serving)', async () => {
    expect((await raw(`${server.url}/ports/8080/`)).status).toBe(404);
    mkdirSync(join(siteDir, 'ports', '8080'), { recursive: true });
    writeFileSync(join(siteDir, 'ports', '8080', 'index.html'), '<h1>Port 8080</h1>');
    const page = await raw(`${server.url}/ports/8080/`);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe('<h1>Port 8080</h1>');
  });

  it('answers HEAD with the headers alone', async () => {
    const head = await raw(`${server.url}/ports/22/`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('<h1>Port 22</h1>'.length));
    expect(head.body.length).toBe(0);
  });

  it('answers a byte range with 206, an unsatisfiable one with 416, and others with the whole file', async () => {
    const part = await raw(`${server.url}/ports/22/`, { range: 'bytes=4-7' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 4-7/16');
    expect(part.body.toString()).toBe('Port');
    const rest = await raw(`${server.url}/ports/22/`, { range: 'bytes=12-' });
    expect(rest.body.toString()).toBe('/h1>');
    const beyond = await raw(`${server.url}/ports/22/`, { range: 'bytes=100-200' });
    expect(beyond.status).toBe(416);
    for (const range of ['bytes=-4', 'bytes=0-1,4-7', 'bytes=7-4', 'lines=1-2']) {
      const whole = await raw(`${server.url}/ports/22/`, { range });
      expect(whole.status, range).toBe(200);
      expect(whole.body.toString(), range).toBe('<h1>Port 22</h1>');
    }
  });

  it('refuses methods other than GET and HEAD on pages with 405', async () => {
    const post = await raw(`${server.url}/`, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('sends the security headers with pages, 404s and API answers alike', async () => {
    for (const path of [
      '/',
      '/no-such-page',
      '/_astro/search.B1a2c3D4.js',
      '/healthz',
      '/graphql?query=%7B__typename%7D',
    ]) {
      const response = await raw(`${server.url}${path}`);
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers['x-frame-options'], path).toBe('DENY');
      expect(response.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(response.headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('still serves the API paths beside the site', async () => {
    const response = await raw(`${server.url}/graphql?query=%7B__typename%7D`, {
      accept: 'application/json',
    });
    expect(JSON.parse(response.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });
});
