import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { clientError, logLevelOf } from './errors.ts';

/**
 * A plugin whose `onRequest` throws would get whatwg-node's default answer: HTTP 500 with the
 * error's stack (source paths, SQL) as the body. This answers such failures with one plain line
 * instead (503 when the database is away, so clients retry) and logs the details.
 */
export function answeringFailures(plugin: Plugin, logger: Logger): Plugin {
  const { onRequest } = plugin;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    async onRequest(payload) {
      try {
        return await onRequest(payload);
      } catch (error) {
        logger[logLevelOf(error)]({ err: error, url: payload.url.pathname }, 'request failed');
        const unavailable = clientError(error)?.extensions.code === 'DATABASE_UNAVAILABLE';
        payload.endResponse(
          new payload.fetchAPI.Response(
            unavailable
              ? 'the database is unavailable; try again shortly\n'
              : 'internal error; it has been logged\n',
            {
              status: unavailable ? 503 : 500,
              headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
            },
          ),
        );
      }
    },
  };
}
