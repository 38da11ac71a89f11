import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/index.ts';

describe('startServer', () => {
  it('serves the site at / and GraphQL at /graphql on a loopback port, then closes', async () => {
    const siteDir = mkdtempSync(join(tmpdir(), 'portbook-site-'));
    writeFileSync(join(siteDir, 'index.html'), '<h1>portbook</h1>');
    writeFileSync(join(siteDir, 'about.html'), '<h1>about</h1>');
    const test = await createTestDatabase('pglite');
    const server = await startServer({
      database: test.database,
      port: 0,
      host: '127.0.0.1',
      siteDir,
      logger: pino({ level: 'silent' }),
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.url}/`)).text()).toBe('<h1>portbook</h1>');
      expect(await (await fetch(`${server.url}/about`)).text()).toBe('<h1>about</h1>');
      const graphql = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ port(number: 443) { number rangeClass { name } } }' }),
      });
      expect(await graphql.json()).toEqual({
        data: { port: { number: 443, rangeClass: { name: 'System Ports' } } },
      });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/no-such-page`)).status).toBe(404);
    } finally {
      await server.close();
      await test.drop();
    }
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('serves the API alone when the site has not been built', async () => {
    const test = await createTestDatabase('pglite');
    const server = await startServer({
      database: test.database,
      port: 0,
      siteDir: join(tmpdir(), 'portbook-no-such-site'),
      logger: pino({ level: 'silent' }),
    });
    try {
      const response = await fetch(
        `${server.url}/graphql?query=${encodeURIComponent('{ registry { recordCount } }')}`,
      );
      expect(await response.json()).toEqual({ data: { registry: { recordCount: 0 } } });
    } finally {
      await server.close();
      await test.drop();
    }
  });
});
