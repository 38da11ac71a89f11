import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver } from 'graphql';

/** What one request may spend resolving: real queries take a few ms on the snapshot. */
export const REQUEST_BUDGET_MS = 2000;

/** What the budget reads of a request's context (see `context.ts`). */
interface Budgeted {
  deadline?: number;
}

function overBudget(): GraphQLError {
  return new GraphQLError(
    'the request ran over its time budget: ask for fewer fields or smaller pages',
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/**
 * Refuses to start another resolver once the request is past its deadline, so no request holds
 * the server (resolvers answer from memory, synchronously: stopping between them is the lever).
 * A Pothos plugin, so the check is put around each field's resolver once, as the schema is
 * built; fields read straight off their parent (`t.expose…`) keep graphql's default resolver
 * and its fast path. (`@envelop/on-resolve` did the same per request through a hook protocol
 * allocating several closures and objects a resolver call.)
 */
export class TimeBudgetPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    _fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (resolver === defaultFieldResolver) return resolver;
    return (parent, args, context, info) => {
      const { deadline } = context as Budgeted;
      if (deadline !== undefined && performance.now() > deadline) throw overBudget();
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      timeBudget: TimeBudgetPlugin<Types>;
    }
  }
}

export const timeBudgetPlugin = 'timeBudget' as const;
SchemaBuilder.registerPlugin(timeBudgetPlugin, TimeBudgetPlugin);
