import type { YogaLogger } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import { logLevelOf } from './errors.ts';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'portbook-api', level });
}

/** Yoga's logger interface over pino, so the server writes one structured log stream. */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug({ args }, 'yoga'),
    info: (...args: unknown[]) => logger.info({ args }, 'yoga'),
    warn: (...args: unknown[]) => logger.warn({ args }, 'yoga'),
    error: (...args: unknown[]) => {
      const [first, ...rest] = args;
      // Yoga logs every error it masks or rewrites, the client's mistakes among them.
      if (first instanceof Error)
        logger[logLevelOf(first)]({ err: first, args: rest }, first.message);
      else logger.error({ args }, 'yoga error');
    },
  };
}
