export * from './database.ts';
export * from './env.ts';
export * from './migrate.ts';
export * as schema from './schema.ts';
export * from './schema.ts';
export * from './import/index.ts';
