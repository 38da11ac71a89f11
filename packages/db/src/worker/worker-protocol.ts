import { ERROR_CODES, type ErrorCode, PortbookError } from '@portbook/core';

/** What the worker is started with (`workerData`). */
export interface WorkerSetup {
  /** A Postgres connection string; without it the worker owns an embedded PGlite database. */
  url: string | undefined;
  dataDir: string;
  maxConnections: number;
}

/** A request from the thread that owns the worker. */
export type WorkerRequest =
  | { id: number; type: 'query'; sql: string; params: unknown[]; method: 'all' | 'execute' }
  | { id: number; type: 'job'; module: string; name: string; input: unknown }
  | { id: number; type: 'close' };

/** An error as it crosses threads: structured clone keeps the message, not `code` and friends. */
export interface WorkerError {
  name: string;
  message: string;
  stack: string | undefined;
  /** The error's own fields (`code`, `detail`, `severity`…) that are plain values. */
  fields: Record<string, string | number | boolean>;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WorkerError };

export function toWorkerError(error: unknown): WorkerError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), stack: undefined, fields: {} };
  }
  const fields: WorkerError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      fields[key] = value as string | number | boolean;
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/** The error again on this side: a `PortbookError` stays one (its code is what users see). */
export function fromWorkerError(sent: WorkerError): Error {
  const code = sent.fields.code;
  const error =
    sent.name === 'PortbookError' && ERROR_CODES.includes(code as ErrorCode)
      ? new PortbookError(code as ErrorCode, sent.message)
      : Object.assign(new Error(sent.message), sent.fields);
  error.name = sent.name;
  if (sent.stack) error.stack = sent.stack;
  return error;
}
