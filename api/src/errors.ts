import { isPortbookError } from '@portbook/core';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** The `extensions.code` clients can rely on; messages may change, codes do not. */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR';

export function badUserInput(message: string, portbookCode?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(portbookCode ? { portbookCode } : {}) },
  });
}

/**
 * Errors a client caused become `BAD_USER_INPUT` with their message; anything else is masked,
 * so internals (SQL, stack traces) never reach the response. Returns undefined to mask.
 */
export function clientError(error: unknown): GraphQLError | undefined {
  if (isGraphQLError(error) && error.extensions?.code) return error;
  if (error instanceof PothosValidationError) return badUserInput(error.message);
  if (isPortbookError(error)) {
    if (error.code === 'DATABASE_UNAVAILABLE') return undefined;
    return badUserInput(error.message, error.code);
  }
  return undefined;
}

/** By name, not instanceof: the executor may hold another copy of graphql's classes. */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** What a resolver or scalar threw, under the GraphQLErrors wrapping it (graphql 17 uses `cause`). */
function rootCause(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && (current.originalError ?? current.cause)) {
    current = current.originalError ?? current.cause;
  }
  return current;
}

/** Client mistakes keep their message and get a stable code; every other error is masked (and logged by yoga). */
export function maskError(error: unknown, message: string): Error {
  const cause = rootCause(error);
  if (cause === error && isGraphQLError(error)) return error;
  const client = clientError(cause);
  if (!client) {
    return createGraphQLError(message, {
      path: isGraphQLError(error) ? error.path : undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  if (!isGraphQLError(error)) return client;
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...error.extensions, ...client.extensions },
  });
}
