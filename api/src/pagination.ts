import { badUserInput } from './errors.ts';

/** The largest page any connection returns; asking for more is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}

/** Rejects page sizes above the cap or below zero with `BAD_USER_INPUT`. */
export function checkPageArgs<T extends PageArgs>(args: T): T {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size == null) continue;
    if (size < 0) throw badUserInput(`\`${name}\` must not be negative (got ${size})`);
    if (size > MAX_PAGE_SIZE) {
      throw badUserInput(
        `\`${name}\` must be at most ${MAX_PAGE_SIZE} (got ${size}); page with \`after\``,
      );
    }
  }
  return args;
}
