import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_COMPLEXITY, type PriceReads } from './builder.ts';

/**
 * One operation of a document, as its cost needs it: alone with the document's fragments, and
 * the variables its cost depends on (those given to fields priced by their arguments, such as a
 * connection's `first`), with the costs already worked out by their values.
 */
interface PricedOperation {
  document: DocumentNode;
  variables: readonly string[];
  costs: Map<string, number>;
}

/** Costs kept per operation: one per distinct value of its priced variables (page sizes). */
const COSTS_PER_OPERATION = 64;

/**
 * The variables given, anywhere in their values, to the arguments prices read: those a price
 * function names (`connectionCost`: the page size), or every argument of a field priced by a
 * function that does not say.
 */
function pricedVariables(schema: GraphQLSchema, document: DocumentNode): string[] {
  const names = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        const price = typeInfo.getFieldDef()?.extensions?.complexity;
        if (typeof price !== 'function') return;
        const { reads } = price as PriceReads;
        for (const argument of node.arguments ?? []) {
          if (reads && !reads.includes(argument.name.value)) continue;
          visit(argument.value, { [Kind.VARIABLE]: (variable) => names.add(variable.name.value) });
        }
      },
    }),
  );
  return [...names].sort();
}

function pricedOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): PricedOperation {
  const fragments = document.definitions.filter(
    (definition): definition is FragmentDefinitionNode =>
      definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  const alone: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  return { document: alone, variables: pricedVariables(schema, alone), costs: new Map() };
}

/**
 * What an operation costs by the schema's prices (`builder.ts`: every field 1, connections by
 * their page size, costly fields more), worked out once per document and page sizes rather than
 * once per request: most operations' cost depends on no variable at all. Undefined when the
 * operation cannot be found or its variables do not coerce; execution reports those itself.
 */
export class QueryCosts {
  readonly #schema: GraphQLSchema;
  readonly #operations = new WeakMap<DocumentNode, Map<string, PricedOperation>>();

  constructor(schema: GraphQLSchema) {
    this.#schema = schema;
  }

  costOf(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): number | undefined {
    let operations = this.#operations.get(document);
    if (!operations) {
      operations = new Map();
      this.#operations.set(document, operations);
    }
    let priced = operations.get(operationName ?? '');
    if (!priced) {
      const operation = getOperationAST(document, operationName);
      if (!operation) return undefined;
      priced = pricedOperation(this.#schema, document, operation);
      operations.set(operationName ?? '', priced);
    }
    // A variable left out (its default applies) differs from one given as null.
    const key = JSON.stringify(
      priced.variables.map((name) =>
        variables && Object.hasOwn(variables, name) ? [variables[name]] : [],
      ),
    );
    let cost = priced.costs.get(key);
    if (cost === undefined) {
      try {
        cost = complexityFromQuery(priced.document, {
          schema: this.#schema,
          variables: variables ?? {},
        }).complexity;
      } catch (error) {
        if (error instanceof GraphQLError) return undefined;
        throw error;
      }
      if (priced.costs.size >= COSTS_PER_OPERATION) priced.costs.clear();
      priced.costs.set(key, cost);
    }
    return cost;
  }

  /** The error refusing the operation if it costs more than `MAX_COMPLEXITY`. */
  refusal(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): GraphQLError | undefined {
    const cost = this.costOf(document, operationName, variables);
    if (cost === undefined || cost <= MAX_COMPLEXITY) return undefined;
    return new GraphQLError(
      `the query costs ${cost}, above the limit of ${MAX_COMPLEXITY}: ask for smaller pages or fewer costly fields`,
      { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    );
  }
}

/** Refuses, before execution, an operation costing more than `MAX_COMPLEXITY`. */
export function queryCostPlugin(costs: QueryCosts): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = costs.refusal(args.document, args.operationName, args.variableValues);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}
