export * from './errors.ts';
export * from './history/timeline.ts';
export * from './history/types.ts';
export * from './model.ts';
export * from './ranges/range-classes.ts';
export * from './records/index.ts';
export * from './sources/index.ts';
