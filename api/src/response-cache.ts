import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { type ExecutionResult, getOperationAST } from 'graphql';
import { type GraphQLParams, isAsyncIterable, type Plugin } from 'graphql-yoga';

/** What the metrics read to count an answer as a hit (the name the yoga plugin gives it too). */
export const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

export interface ResponseCacheOptions {
  cache: Cache;
  /** How long a response is kept, in ms. */
  ttl: number;
  /** The key of a request's response: what it asks, and the registry version it is answered on. */
  key: (params: GraphQLParams) => Promise<string> | string;
}

/**
 * Whole responses by key: a hit is answered before parsing, a query answered without errors is
 * stored. The API has no mutations and its keys carry the registry version, so nothing is ever
 * invalidated by entity. (`useResponseCache` adds `__typename` to every selection, then copies
 * every object of every result to take it out again, for entity invalidation this API never
 * needs: 80-180 µs of a miss, more than answering many queries.)
 */
export function responseCachePlugin(options: ResponseCacheOptions): Plugin {
  const keys = new WeakMap<object, string>();
  return {
    async onParams({ params, context, setResult }) {
      const key = await options.key(params);
      const cached = (await options.cache.get(key)) as ExecutionResult | undefined;
      if (cached) {
        setResult({ ...cached, [SERVED_FROM_CACHE]: true } as ExecutionResult);
        return;
      }
      keys.set(context, key);
    },
    onExecute({ args }) {
      const key = keys.get(args.contextValue as object);
      if (key === undefined) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result) || result.errors?.length) return;
          void options.cache.set(key, result, [], options.ttl);
        },
      };
    },
  };
}
