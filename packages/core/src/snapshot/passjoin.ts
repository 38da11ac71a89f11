import { createRequire } from 'node:module';
import type { PassjoinIndex } from 'mnemonist';

let loaded: typeof PassjoinIndex | undefined;

/**
 * mnemonist's Pass-Join index, loaded when a typo index is first built, and alone: the package's
 * entry loads every structure it has (65 ms of a cold `portbook 22`, which never looks for a
 * typo), this one module 10 ms. mnemonist exports its modules one by one to `require` only.
 */
export function passjoinIndex(): typeof PassjoinIndex {
  loaded ??= createRequire(import.meta.url)('mnemonist/passjoin-index') as typeof PassjoinIndex;
  return loaded;
}
