import { isPortbookError } from '@portbook/core';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** The `extensions.code` clients can rely on; messages may change, codes do not. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Connection-level failures: the database is down or restarting, not the query at fault. */
const UNREACHABLE =
  /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|CONNECT_TIMEOUT|57P0[1-3]|08\w{3})$/;

/** Text Postgres cannot store (a NUL character): the client's argument, not our fault. */
const UNSTORABLE_TEXT = /^(22021|22P05)$/;

/** Whether `error` or one of its causes (drivers wrap each other's errors) matches. */
function causedBy(error: unknown, matches: (error: unknown, code: unknown) => boolean): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (matches(current, (current as { code?: unknown }).code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const isDatabaseUnavailable = (error: unknown) =>
  causedBy(
    error,
    (e, code) =>
      (isPortbookError(e) && e.code === 'DATABASE_UNAVAILABLE') ||
      (typeof code === 'string' && UNREACHABLE.test(code)),
  );

const isUnstorableText = (error: unknown) =>
  causedBy(error, (_e, code) => typeof code === 'string' && UNSTORABLE_TEXT.test(code));

/** A clear, retryable answer while the database is away (HTTP 503), instead of a masked 500. */
export function databaseUnavailable(): GraphQLError {
  return new GraphQLError('the database is unavailable; try again shortly', {
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
  });
}

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
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (isUnstorableText(error))
    return badUserInput('text arguments must not contain NUL characters');
  if (isPortbookError(error)) return badUserInput(error.message, error.code);
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

/** graphql-js refusing a variable's value (an enum typo): an error of the request, with no path, around its own. */
function refusedVariable(error: unknown, cause: unknown): GraphQLError | undefined {
  if (!isGraphQLError(error) || error.path || !isGraphQLError(cause)) return undefined;
  return badUserInput(cause.message);
}

/** What yoga may attach for debugging (its JSON parser's error as `originalError`): never for clients. */
const INTERNAL_EXTENSIONS = new Set(['originalError', 'stack', 'exception']);

function withoutInternals(error: Error): Error {
  if (!isGraphQLError(error)) return error;
  const extensions = Object.entries(error.extensions ?? {});
  if (!extensions.some(([key]) => INTERNAL_EXTENSIONS.has(key))) return error;
  const kept = Object.fromEntries(extensions.filter(([key]) => !INTERNAL_EXTENSIONS.has(key)));
  // Yoga keeps a `spec` error's status for application/json only while `originalError` is there.
  const { spec: _spec, ...http } = (kept.http ?? {}) as Record<string, unknown>;
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: kept.http ? { ...kept, http } : kept,
  });
}

/** Client mistakes keep their message and get a stable code; every other error is masked (and logged by yoga). */
export function maskError(error: unknown, message: string): Error {
  return withoutInternals(maskedError(error, message));
}

function maskedError(error: unknown, message: string): Error {
  const cause = rootCause(error);
  if (cause === error && isGraphQLError(error)) {
    if (error.extensions?.code) return error;
    // Parse and validation errors (query limits among them) are the client's too.
    return createGraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  }
  const client = clientError(cause) ?? refusedVariable(error, cause);
  if (!client) {
    return createGraphQLError(message, {
      path: isGraphQLError(error) ? error.path : undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  if (!isGraphQLError(error)) return client;
  // A variable's coercion error names the variable; a driver's message must not reach clients.
  const ours =
    (isPortbookError(cause) || isGraphQLError(cause)) &&
    client.extensions.code === 'BAD_USER_INPUT';
  return createGraphQLError(ours ? error.message : client.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...error.extensions, ...client.extensions },
  });
}

/** How loud a failure is in the log: a client's mistake is routine, the database away a warning. */
export function logLevelOf(error: unknown): 'debug' | 'warn' | 'error' {
  const masked = maskError(error, '');
  const code = isGraphQLError(masked) ? masked.extensions?.code : undefined;
  if (code === undefined || code === 'INTERNAL_SERVER_ERROR') return 'error';
  return code === 'DATABASE_UNAVAILABLE' ? 'warn' : 'debug';
}
