import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';

/** Real variables (a filter with a range in it) nest 3-4 levels; deeper ones are abuse or mistakes. */
export const MAX_VARIABLE_DEPTH = 16;

function badRequest(message: string, code = 'BAD_REQUEST') {
  return createGraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Whether `value` nests objects or arrays deeper than `limit`, checked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

const hasPersistedQuery = (params: GraphQLParams) =>
  typeof params.extensions?.persistedQuery === 'object' &&
  params.extensions.persistedQuery !== null;

/**
 * The request's parameters as the GraphQL-over-HTTP spec wants them, checked before anything reads
 * them (the persisted-operations plugin would answer a missing `query` with a 200): each operation
 * an object, `query` a string unless a persisted query is named, variables of bounded depth.
 */
function assertOperationObject(params: unknown): asserts params is GraphQLParams {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw badRequest(`each operation must be a JSON object, got ${typeName(params)}`);
  }
}

export function assertGraphQLParams(params: unknown): void {
  assertOperationObject(params);
  const operation = params;
  if (operation.query == null && !hasPersistedQuery(operation)) {
    throw badRequest('Must provide query string.');
  }
  if (operation.query != null && typeof operation.query !== 'string') {
    throw badRequest(`"query" must be a string, got ${typeName(operation.query)}`);
  }
  if (nestsDeeperThan(operation.variables, MAX_VARIABLE_DEPTH)) {
    throw badRequest(
      `variables may nest at most ${MAX_VARIABLE_DEPTH} levels deep`,
      'BAD_USER_INPUT',
    );
  }
}

/**
 * A GET's `variables` or `extensions` that is not JSON is the client's mistake: yoga's GET parser
 * lets `JSON.parse` throw, which would be masked as an internal error; answer 400 `BAD_REQUEST`.
 * Then every operation's parameters are checked (`assertGraphQLParams`).
 */
export function requestParsingPlugin(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          const params = await requestParser(request);
          // A malformed batch is a malformed body: refused whole, like invalid JSON.
          if (Array.isArray(params))
            for (const operation of params) assertOperationObject(operation);
          return params;
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError('request parameters sent invalid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
    onParams({ params }) {
      assertGraphQLParams(params);
    },
  };
}
