import { type RegistrySnapshot, todayDate } from '@portbook/core';
import type { RegistryState } from './registry-state.ts';

export interface Context {
  /** The one snapshot this request answers from, captured at its start: no SQL runs per request. */
  snapshot: RegistrySnapshot;
  /** Today as `YYYY-MM-DD`, the date "current" means in this request. */
  today: string;
  /** `performance.now()` after which no further field resolves (see `time-budget.ts`). */
  deadline: number;
}

export async function createContext(registry: RegistryState, budgetMs: number): Promise<Context> {
  return snapshotContext(await registry.snapshot(), budgetMs);
}

/**
 * A context over a snapshot already in hand: the schema executed in-process, with no server
 * around it, answers from exactly that snapshot (the site checks its pages against it so).
 */
export function snapshotContext(snapshot: RegistrySnapshot, budgetMs = Infinity): Context {
  return {
    snapshot,
    today: todayDate(),
    deadline: performance.now() + budgetMs,
  };
}
