export * from './database.ts';
export * from './env.ts';
export * from './import/index.ts';
export * from './migrate.ts';
export * from './queries/index.ts';
export * from './relations.ts';
export * as schema from './schema.ts';
export * from './schema.ts';
export * from './snapshot/load-snapshot.ts';
