import type { RegistrySnapshot } from '@portbook/core';
import { type ExecutionResult, execute, parse } from 'graphql';
import { snapshotContext } from './context.ts';
import { QueryCosts } from './query-cost.ts';
import { schema } from './schema/index.ts';

const costs = new QueryCosts(schema);

/**
 * Runs an operation on the schema over exactly `snapshot`, in-process: no HTTP, response cache or
 * query limits but the schema's own cost limit (the site checks its pages against it so).
 */
export async function executeOnSnapshot(
  snapshot: RegistrySnapshot,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult> {
  const document = parse(query);
  const refusal = costs.refusal(document, undefined, variables);
  if (refusal) return { errors: [refusal] };
  return execute({
    schema,
    document,
    variableValues: variables,
    contextValue: snapshotContext(snapshot),
  });
}
