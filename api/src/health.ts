import { type Db, registryVersion } from '@portbook/db';
import type { Plugin } from 'graphql-yoga';

/** `/healthz`: the process answers. `/readyz`: and the database answers too (503 when not). */
export function healthPlugin(db: Db): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(
          fetchAPI.Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }),
        );
        return;
      }
      if (url.pathname !== '/readyz') return;
      try {
        await registryVersion(db);
        endResponse(
          fetchAPI.Response.json({ status: 'ready' }, { headers: { 'cache-control': 'no-store' } }),
        );
      } catch (error) {
        endResponse(
          fetchAPI.Response.json(
            { status: 'unavailable', reason: `database: ${String(error)}` },
            { status: 503, headers: { 'cache-control': 'no-store' } },
          ),
        );
      }
    },
  };
}
