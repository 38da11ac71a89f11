import { GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The longest string any argument may be, whatever field it is given to: every real argument
 * (a name, an id, a date, a phrase) is far shorter. Fields check their own tighter caps.
 */
export const MAX_STRING_ARGUMENT = 1000;

function tooLong(where: string, length: number): GraphQLError {
  return new GraphQLError(
    `${where} is ${length} characters long; string arguments may be at most ${MAX_STRING_ARGUMENT}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/** The first string in a variable value (nested in lists and input objects) that is too long. */
function longString(value: unknown): number | undefined {
  if (typeof value === 'string')
    return value.length > MAX_STRING_ARGUMENT ? value.length : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = longString(item);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const found = longString(item);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Refuses, before execution, any string argument (literal or variable) past the cap. */
export function stringLimitsPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // Only variables the document declares reach a field; extra ones are ignored, as GraphQL does.
      const declared = new Set<string>();
      for (const definition of args.document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const variable of definition.variableDefinitions ?? []) {
          declared.add(variable.variable.name.value);
        }
      }
      for (const [name, value] of Object.entries(args.variableValues ?? {})) {
        if (!declared.has(name)) continue;
        const length = longString(value);
        if (length !== undefined) {
          setResultAndStopExecution({ errors: [tooLong(`variable $${name}`, length)] });
          return;
        }
      }
      let literal: number | undefined;
      visit(args.document, {
        [Kind.STRING]: (node) => {
          if (node.value.length > MAX_STRING_ARGUMENT) literal ??= node.value.length;
        },
      });
      if (literal !== undefined) {
        setResultAndStopExecution({ errors: [tooLong('a string literal', literal)] });
      }
    },
  };
}
