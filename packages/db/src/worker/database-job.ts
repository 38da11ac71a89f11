import type { Database } from '../database.ts';

/**
 * Work that needs the database to itself (an import, a sync, migrations), written as a plain
 * function so it can run where the database lives: in this thread, or in a worker thread.
 * Its input and result cross threads, so they must be structured-cloneable (no functions).
 */
export type DatabaseJob<Input, Output> = (database: Database, input: Input) => Promise<Output>;

/** Names a job by module and export: a function cannot be sent to a worker, its address can. */
export interface DatabaseJobRef<Input, Output> {
  readonly module: string;
  readonly name: string;
  /** Only for the types: what the job takes and returns. */
  readonly job?: DatabaseJob<Input, Output>;
}

/** `databaseJob<typeof syncJob>(import.meta.url, 'syncJob')` in the module that exports it. */
export function databaseJob<Job extends DatabaseJob<never, unknown>>(
  module: string | URL,
  name: string,
): DatabaseJobRef<Parameters<Job>[1], Awaited<ReturnType<Job>>> {
  return { module: String(module), name };
}

/** Loads the job a reference names and runs it on `database` in the calling thread. */
export async function runJobHere<Input, Output>(
  database: Database,
  ref: DatabaseJobRef<Input, Output>,
  input: Input,
): Promise<Output> {
  const exports = (await import(ref.module)) as Record<string, unknown>;
  const job = exports[ref.name];
  if (typeof job !== 'function') throw new Error(`${ref.module} exports no job ${ref.name}`);
  return (job as DatabaseJob<Input, Output>)(database, input);
}
