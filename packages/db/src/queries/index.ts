export * from './catalog-load.ts';
export * from './port-status.ts';
export * from './raw-rows.ts';
export * from './registry.ts';
export * from './service-key.ts';
export * from './sources.ts';
