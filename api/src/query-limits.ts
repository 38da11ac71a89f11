import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, parse } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { isGraphQLError } from './errors.ts';

/** Tokens per document: the largest real operation has a few hundred. */
const MAX_TOKENS = 2000;

/**
 * GraphQL Armor throws its rejections (built on its own graphql copy) out of validation, which
 * yoga then answers 200; reported as validation errors they get the spec's 400 like any other.
 */
/** The part of a validation context used here, whichever graphql copy built it. */
interface ReportingContext {
  reportError(error: GraphQLError): void;
}

const reportRejection = (context: ReportingContext | null, error: Error) => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
};
const reported = { propagateOnRejection: false, onReject: [reportRejection] };

/** Query limits: generous for real clients, fatal for abusive ones. */
const ARMOR = {
  maxDepth: { n: 12, ...reported },
  costLimit: { maxCost: 20000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ...reported },
  maxAliases: { n: 15, ...reported },
  maxDirectives: { n: 10, ...reported },
  // Armor's token limit swaps in a parser on its own graphql copy: see `tokenLimitPlugin`.
  maxTokens: { enabled: false },
  // Its regex never sees graphql 17's errors; `hideSuggestionsPlugin` hides them instead.
  blockFieldSuggestion: { enabled: false },
};

/**
 * At most `MAX_TOKENS` tokens per document, counted by graphql's own parser (its `maxTokens`
 * option), so a refused document is a syntax error yoga recognises (HTTP 400), like any other.
 */
function tokenLimitPlugin(): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: MAX_TOKENS });
        } catch (error) {
          if (!isGraphQLError(error)) throw error;
          // The documented code for a document the server refuses to run, with the spec's 400.
          throw createGraphQLError(error.message, {
            source: error.source,
            positions: error.positions,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, spec: true } },
          });
        }
      });
    },
  };
}

/** Depth, cost, aliases, directives and tokens, each refused with 400 `GRAPHQL_VALIDATION_FAILED`. */
export function queryLimitPlugins(): Plugin[] {
  return [tokenLimitPlugin(), EnvelopArmorPlugin(ARMOR)];
}
