import { isPortbookError } from '@portbook/core/reader';

/** The one line a user sees for an error; stack traces only with PORTBOOK_DEBUG=1. */
export function reportError(error: unknown, debug: boolean): number {
  if (isPortbookError(error)) {
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error [INTERNAL]: ${message}\n`);
  }
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
