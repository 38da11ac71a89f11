import { useOnResolve } from '@envelop/on-resolve';
import { GraphQLError } from 'graphql';
import type { Context } from './context.ts';

/** What one request may spend resolving: real queries take a few ms on the snapshot. */
export const REQUEST_BUDGET_MS = 2000;

/**
 * Refuses to start another resolver once the request is past its deadline, so no request holds
 * the server (resolvers answer from memory, synchronously: stopping between them is the lever).
 * One instance for the process: it marks the schema's fields as wrapped once.
 */
export const timeBudgetPlugin = useOnResolve<Partial<Context>>(
  ({ context }) => {
    if (context.deadline !== undefined && performance.now() > context.deadline) {
      throw new GraphQLError(
        'the request ran over its time budget: ask for fewer fields or smaller pages',
        { extensions: { code: 'BAD_USER_INPUT' } },
      );
    }
  },
  { skipIntrospection: true, skipDefaultResolvers: true },
);
