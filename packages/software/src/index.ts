export * from './browser-blocked.ts';
export * from './categories.ts';
export * from './data-order.ts';
export * from './defaults.ts';
export * from './format.ts';
export * from './load.ts';
export * from './schema.ts';
