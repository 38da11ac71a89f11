import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface SharedCacheOptions {
  /** `redis://host:port/db`, shared by every API instance. */
  url: string;
  /** Namespaces the keys, so several deployments (or test runs) can share one Redis. */
  prefix?: string;
  /** Past this a command counts as failed and the request is answered without the cache. */
  commandTimeoutMs?: number;
  logger?: Logger;
}

export interface SharedCache extends Cache {
  /** Resolves once connected (or rejects after the first failed attempt); the cache works without it. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

type Entity = { typename: string; id?: number | string };

const responseKey = (id: string) => `response:${id}`;
const entityKey = (entity: Entity) =>
  entity.id === undefined ? `entity:${entity.typename}` : `entity:${entity.typename}:${entity.id}`;

/**
 * The response cache in Redis, so every API instance answers from what any of them computed.
 * Keys carry the registry version (see `yoga.ts`), so an import makes old entries unreachable
 * on every instance at once; they expire by TTL. Redis being slow or down never fails a
 * request: the command times out or is refused at once, and the request is a cache miss.
 */
export function createSharedCache(options: SharedCacheOptions): SharedCache {
  const logger = options.logger;
  const redis = new Redis(options.url, {
    keyPrefix: options.prefix ?? 'portbook:',
    // Queued commands would make requests wait for a reconnect; refusing them makes a miss.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  let healthy = true;
  redis.on('error', (error: Error) => {
    if (healthy)
      logger?.warn({ err: error }, 'shared response cache unavailable; serving without it');
    healthy = false;
  });
  redis.on('ready', () => {
    if (!healthy) logger?.info('shared response cache available again');
    healthy = true;
  });

  async function quietly<T>(command: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await command();
    } catch (error) {
      logger?.debug({ err: error }, 'shared response cache command failed');
      return fallback;
    }
  }

  return {
    async get(id) {
      const text = await quietly(() => redis.get(responseKey(id)), null);
      return text === null ? undefined : JSON.parse(text);
    },
    async set(id, data, entities, ttl) {
      const key = responseKey(id);
      const expires = Number.isFinite(ttl) && ttl > 0 ? Math.ceil(ttl) : undefined;
      const batch = redis.multi();
      if (expires === undefined) batch.set(key, JSON.stringify(data));
      else batch.set(key, JSON.stringify(data), 'PX', expires);
      for (const entity of entities) {
        const set = entityKey(entity);
        batch.sadd(set, key);
        if (expires !== undefined) batch.pexpire(set, expires);
      }
      await quietly(() => batch.exec(), null);
    },
    async invalidate(entities) {
      const sets = [...entities].map(entityKey);
      if (sets.length === 0) return;
      await quietly(async () => {
        const members = await Promise.all(sets.map((set) => redis.smembers(set)));
        const keys = [...new Set(members.flat())];
        await redis.del(...sets, ...keys);
      }, undefined);
    },
    ready: () =>
      redis.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            redis.once('ready', resolve);
            redis.once('error', reject);
          }),
    close: async () => {
      await quietly(() => redis.quit(), 'OK');
      redis.disconnect();
    },
  };
}
