export * from './browser-blocked.ts';
export * from './conflicts.ts';
export * from './model.ts';
export { SoftwareIndex } from './software-index.ts';
