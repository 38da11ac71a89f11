export * from './catalog-load.ts';
export * from './raw-rows.ts';
export * from './registry.ts';
export * from './sources.ts';
