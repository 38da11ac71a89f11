import type { RegistrySnapshot } from '@portbook/core';
import type { RegistryState } from './registry-state.ts';

export interface Context {
  /** The one snapshot this request answers from, captured at its start: no SQL runs per request. */
  snapshot: RegistrySnapshot;
  registry: RegistryState;
  /** Today as `YYYY-MM-DD`, the date "current" means in this request. */
  today: string;
}

export async function createContext(registry: RegistryState): Promise<Context> {
  return {
    snapshot: await registry.snapshot(),
    registry,
    today: new Date().toISOString().slice(0, 10),
  };
}
