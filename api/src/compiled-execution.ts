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
  /**
   * By document, then operation name (a document names the operation to run per request); a
   * document is here from its first use, with nothing compiled yet.
   */
  readonly #compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

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
    const byName = this.#compiled.get(document);
    if (byName === undefined) {
      this.#compiled.set(document, new Map());
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
 * The compiled operation's answer, or where it has errors the interpreting executor's
 * (`interpret`): graphql-jit's errors carry their locations in a form Yoga does not keep when it
 * serializes them. Errors are rare and this API has no mutations, so running such an operation
 * again changes nothing but its answer's form; past a request's time budget the second run stops
 * at its first field.
 */
export async function answerCompiled(
  compiled: CompiledQuery,
  context: Context,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  interpret: () => ExecutionResult | Promise<ExecutionResult>,
): Promise<ExecutionResult> {
  const result = await compiled.query(undefined, context, variables ?? {});
  return result.errors?.length ? interpret() : result;
}

/**
 * Executes an operation with its compiled function where `operations` has one (`answerCompiled`).
 * Yoga's parser cache hands out the same document for the same text, and the compiled function
 * lives as long as that document does.
 */
export function compiledExecutionPlugin(operations: CompiledOperations): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = operations.of(args.document, args.operationName, args.variableValues);
      if (!compiled) return;
      setExecuteFn((execution) =>
        answerCompiled(compiled, execution.contextValue as Context, execution.variableValues, () =>
          executeFn(execution),
        ),
      );
    },
  };
}
