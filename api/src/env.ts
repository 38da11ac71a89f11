import { fileURLToPath } from 'node:url';

/** The settings the API server reads from the environment, in one place. */
export function apiEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: env.PORT ? Number(env.PORT) : 4000,
    host: env.HOST || '127.0.0.1',
    siteDir: env.PORTBOOK_SITE_DIR || fileURLToPath(new URL('../../site/dist', import.meta.url)),
    /** Comma-separated origins allowed by CORS; `*` (the default) for any. */
    corsOrigins: (env.CORS_ORIGINS || '*').split(',').map((origin) => origin.trim()),
    /** `true`: CORS lets the listed origins send cookies (never with `*`). Default: no credentials. */
    corsCredentials: env.CORS_CREDENTIALS === 'true',
    /** A bearer token `/metrics` asks for; unset: `/metrics` is open (keep it off the public internet). */
    metricsToken: env.METRICS_TOKEN || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    /** Redis for a response cache shared by every instance; unset: each keeps its own in memory. */
    redisUrl: env.REDIS_URL || undefined,
    /** How often the registry version is polled, in ms (a fallback: Postgres imports also NOTIFY). */
    pollMs: env.PORTBOOK_POLL_MS ? Number(env.PORTBOOK_POLL_MS) : 1000,
  };
}
