import { type Db, registryVersion } from '@portbook/db';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';

// A fresh object per response: Response.json writes content-length into the headers it is given.
const noStore = () => ({ 'cache-control': 'no-store' });

/** `/healthz`: the process answers. `/readyz`: and the database answers too (503 when not). */
export function healthPlugin(db: Db, logger: Logger): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(fetchAPI.Response.json({ status: 'ok' }, { headers: noStore() }));
        return;
      }
      if (url.pathname !== '/readyz') return;
      try {
        await registryVersion(db);
        endResponse(fetchAPI.Response.json({ status: 'ready' }, { headers: noStore() }));
      } catch (error) {
        // The driver's error names the SQL and the host: for the log, not for whoever probes.
        logger.warn({ err: error }, 'not ready: database unavailable');
        endResponse(
          fetchAPI.Response.json(
            { status: 'unavailable', reason: 'database unavailable' },
            { status: 503, headers: noStore() },
          ),
        );
      }
    },
  };
}
