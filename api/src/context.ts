import type { Db } from '@portbook/db';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
  /** Today as `YYYY-MM-DD`, the date "current" means in this request. */
  today: string;
}

export function createContext(db: Db): Context {
  return { db, loaders: createLoaders(db), today: new Date().toISOString().slice(0, 10) };
}
