import { createRequire } from 'node:module';
import type { PassjoinIndex } from 'mnemonist';
import type { nsmallest } from 'mnemonist/heap';

/**
 * mnemonist's structures, each loaded when first needed, and alone: the package's entry loads
 * every structure it has (65 ms of a cold `portbook 22`, which never looks for a typo), one
 * module about 10 ms. mnemonist exports its modules one by one to `require` only.
 */
const require = createRequire(import.meta.url);

let passjoin: typeof PassjoinIndex | undefined;

/** The Pass-Join index (typo lookups). */
export function passjoinIndex(): typeof PassjoinIndex {
  passjoin ??= require('mnemonist/passjoin-index') as typeof PassjoinIndex;
  return passjoin;
}

let heap: { nsmallest: typeof nsmallest } | undefined;

/**
 * The `count` first of `items` in the order `compare` gives, in that order: a heap of `count`
 * (mnemonist's `nsmallest`) rather than a sort of all of them. Equal to sorting and slicing
 * where `compare` is a total order.
 */
export function firstInOrder<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  // nsmallest reads an element past an empty array or a count of 0.
  if (count <= 0 || items.length === 0) return [];
  if (items.length <= count) return items.sort(compare);
  heap ??= require('mnemonist/heap') as { nsmallest: typeof nsmallest };
  return heap.nsmallest(compare, count, items);
}
