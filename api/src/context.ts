import type { Db } from '@portbook/db';
import { createLoaders, type Loaders } from './loaders.ts';
import type { RegistryState } from './registry-state.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
  registry: RegistryState;
  /** Today as `YYYY-MM-DD`, the date "current" means in this request. */
  today: string;
}

export function createContext(db: Db, registry: RegistryState): Context {
  return {
    db,
    loaders: createLoaders(db),
    registry,
    today: new Date().toISOString().slice(0, 10),
  };
}
