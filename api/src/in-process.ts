import type { RegistrySnapshot } from '@portbook/core';
import { type ExecutionResult, execute, parse } from 'graphql';
import { snapshotContext } from './context.ts';
import { schema } from './schema/index.ts';

/**
 * Runs an operation on the schema over exactly `snapshot`, in-process: no HTTP, response cache or
 * query limits but the schema's own complexity limit (the site checks its pages against it so).
 */
export async function executeOnSnapshot(
  snapshot: RegistrySnapshot,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: snapshotContext(snapshot),
  });
}
