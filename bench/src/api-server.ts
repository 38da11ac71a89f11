import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '@portbook/api';
import SchemaBuilder from '@pothos/core';
import { createYoga } from 'graphql-yoga';

/**
 * One server of the API benchmark, in its own process so its CPU time can be read alone:
 * `baseline` is yoga + Pothos with nothing to do; `api` and `api-cached` are portbook's server
 * on the database named by DATABASE_URL or PORTBOOK_DATA_DIR. Prints its URL, stops on SIGTERM.
 */
async function start(mode: string): Promise<{ url: string; close: () => Promise<unknown> }> {
  if (mode === 'baseline') {
    const builder = new SchemaBuilder({});
    builder.queryType({ fields: (t) => ({ hello: t.string({ resolve: () => 'world' }) }) });
    const server = createServer(createYoga({ schema: builder.toSchema(), logging: false }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
  }
  return startServer({ port: 0, siteDir: '/nonexistent', responseCache: mode === 'api-cached' });
}

const server = await start(process.argv[2] ?? 'baseline');
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
