import type { Plugin } from 'graphql-yoga';

/**
 * No "Did you mean …" in errors: they spell out the schema to whoever guesses at it. graphql 17
 * leaves them out itself when asked, in validation and in coercing variables; GraphQL Armor's
 * blockFieldSuggestion cannot (it tests `instanceof` against its own graphql 16 copy).
 */
export function hideSuggestionsPlugin(): Plugin {
  return {
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((schema, documentAST, rules, options) =>
        validateFn(schema, documentAST, rules, { ...options, hideSuggestions: true }),
      );
    },
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        // envelop's own ExecutionArgs type predates graphql 17's `hideSuggestions`.
        const hiding: typeof args & { hideSuggestions: boolean } = {
          ...args,
          hideSuggestions: true,
        };
        return executeFn(hiding);
      });
    },
  };
}
