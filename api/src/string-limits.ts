import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
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

/** What the check needs of a document: its declared variables, and its longest literal's length if too long. */
interface DocumentStrings {
  declared: ReadonlySet<string>;
  literal: number | undefined;
}

function documentStrings(document: DocumentNode): DocumentStrings {
  // Only variables the document declares reach a field; extra ones are ignored, as GraphQL does.
  const declared = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      declared.add(variable.variable.name.value);
    }
  }
  let literal: number | undefined;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.length > MAX_STRING_ARGUMENT) literal ??= node.value.length;
    },
  });
  return { declared, literal };
}

/**
 * Refuses, before execution, any string argument (literal or variable) past the cap. A document
 * is walked once: yoga hands the same parsed document to every request sending its text.
 */
export function stringLimitsPlugin(): Plugin {
  const documents = new WeakMap<DocumentNode, DocumentStrings>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let strings = documents.get(args.document);
      if (!strings) {
        strings = documentStrings(args.document);
        documents.set(args.document, strings);
      }
      for (const [name, value] of Object.entries(args.variableValues ?? {})) {
        if (!strings.declared.has(name)) continue;
        const length = longString(value);
        if (length !== undefined) {
          setResultAndStopExecution({ errors: [tooLong(`variable $${name}`, length)] });
          return;
        }
      }
      if (strings.literal !== undefined) {
        setResultAndStopExecution({ errors: [tooLong('a string literal', strings.literal)] });
      }
    },
  };
}
