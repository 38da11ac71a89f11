import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

/**
 * Operations compiled by graphql-jit into functions for their shape, once per document and
 * operation.
 *
 * An interpreting executor walks an operation field by field on every request; for a port page's
 * operation that was most of a request's time (in-process, the bench's port lookups: 100–250 µs
 * interpreted, 7–25 µs compiled, the same answers byte for byte). Compiling costs about a
 * millisecond per operation, 15 ms for one of 15 aliased lists (and 100 ms for one of 40 aliased
 * ports, 1,639 of which the site's check sends once each), so a document is compiled only when it
 * comes back: one sent once, or a stream of distinct ones, compiles nothing.
 */
export class CompiledOperations {
  readonly #schema: GraphQLSchema;
  readonly #onError: (result: ExecutionResult) => void;
  /** By document, then operation name: a document names the operation to run per request. */
  readonly #compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  readonly #seen = new WeakSet<DocumentNode>();

  constructor(schema: GraphQLSchema, onError: (result: ExecutionResult) => void = () => {}) {
    this.#schema = schema;
    this.#onError = onError;
  }

  /**
   * The operation compiled, or undefined: at the document's first use, where graphql-jit cannot
   * compile it (reported once to `onError`), or where the variables do not coerce to their
   * types. An interpreting executor then says why in its own words (graphql-jit says only
   * "Expected type Date." where the scalar explains what it expects), without suggestions where
   * it is asked to leave them out.
   */
  of(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): CompiledQuery | undefined {
    if (!this.#seen.has(document)) {
      this.#seen.add(document);
      return undefined;
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) return undefined;
    const coerced = getVariableValues(
      this.#schema,
      operation.variableDefinitions ?? [],
      variables ?? {},
      { maxErrors: 1, hideSuggestions: true },
    );
    if ('errors' in coerced) return undefined;
    let byName = this.#compiled.get(document);
    if (byName === undefined) {
      byName = new Map();
      this.#compiled.set(document, byName);
    }
    const name = operationName ?? '';
    let compiled = byName.get(name);
    if (compiled === undefined) {
      const result = compileQuery(this.#schema, document, operationName ?? undefined);
      if (isCompiledQuery(result)) {
        compiled = result;
      } else {
        this.#onError(result);
        compiled = null;
      }
      byName.set(name, compiled);
    }
    return compiled ?? undefined;
  }
}

/**
 * Executes an operation with its compiled function where `operations` has one. Yoga's parser
 * cache hands out the same document for the same text, and the compiled function lives as long as
 * that document does.
 *
 * An answer with errors is given by the interpreting executor instead: graphql-jit's errors carry
 * their locations in a form Yoga does not keep when it serializes them. Errors are rare and this
 * API has no mutations, so running such an operation again changes nothing but its answer's
 * form; past a request's time budget the second run stops at its first field.
 */
export function compiledExecutionPlugin(operations: CompiledOperations): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = operations.of(args.document, args.operationName, args.variableValues);
      if (!compiled) return;
      setExecuteFn(async (execution) => {
        const result = await compiled.query(
          execution.rootValue,
          execution.contextValue,
          execution.variableValues,
        );
        return result.errors?.length ? executeFn(execution) : result;
      });
    },
  };
}
