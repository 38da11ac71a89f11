import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { LRUCache } from 'lru-cache';

/**
 * The in-memory response cache: whole responses by key, the least recently used dropped past
 * `max`. Keys carry the registry version (see `yoga.ts`), so an import makes every earlier
 * response unreachable at once, and the API has no mutations: nothing is ever invalidated by
 * entity, so no entity is recorded. (The plugin's own in-memory cache indexes every entity of
 * every response and unindexes them on eviction: most of a miss's cost with varied traffic.)
 */
export function createResponseStore(max: number): Cache {
  const responses = new LRUCache<string, object>({ max });
  return {
    get: (id) => responses.get(id),
    set(id, data, _entities, ttl) {
      responses.set(id, data as object, Number.isFinite(ttl) && ttl > 0 ? { ttl } : {});
    },
    invalidate() {},
  };
}
