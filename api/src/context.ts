import type { Db } from '@portbook/db';
import { createLoaders, type Loaders } from './loaders.ts';
import type { RegistryVersion } from './registry-version.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
  registry: RegistryVersion;
  /** Today as `YYYY-MM-DD`, the date "current" means in this request. */
  today: string;
}

export function createContext(db: Db, registry: RegistryVersion): Context {
  return {
    db,
    loaders: createLoaders(db),
    registry,
    today: new Date().toISOString().slice(0, 10),
  };
}
