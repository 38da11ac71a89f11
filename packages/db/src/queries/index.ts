export * from './assignments-containing.ts';
export * from './catalog-load.ts';
export * from './port-status.ts';
export * from './range-classes.ts';
export * from './registry.ts';
