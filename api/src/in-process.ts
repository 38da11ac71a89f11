import type { RegistrySnapshot } from '@portbook/core';
import { type DocumentNode, type ExecutionResult, execute, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { answerCompiled, CompiledOperations } from './compiled-execution.ts';
import { snapshotContext } from './context.ts';
import { QueryCosts } from './query-cost.ts';
import { schema } from './schema/index.ts';

const costs = new QueryCosts(schema);
const operations = new CompiledOperations(schema);
/** Parsed once per operation text, as Yoga's parser cache does: compiled once per document. */
const documents = new LRUCache<string, DocumentNode>({ max: 100 });

/**
 * Runs an operation on the schema over exactly `snapshot`, in-process: no HTTP, response cache or
 * query limits but the schema's own cost limit (the site checks its pages against it so).
 */
export async function executeOnSnapshot(
  snapshot: RegistrySnapshot,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult> {
  let document = documents.get(query);
  if (document === undefined) {
    document = parse(query);
    documents.set(query, document);
  }
  const refusal = costs.refusal(document, undefined, variables);
  if (refusal) return { errors: [refusal] };
  const context = snapshotContext(snapshot);
  const interpret = () =>
    execute({ schema, document, variableValues: variables, contextValue: context });
  // From its second use, compiled (see `compiledExecutionPlugin`).
  const compiled = operations.of(document, undefined, variables);
  return compiled ? answerCompiled(compiled, context, variables, interpret) : interpret();
}
