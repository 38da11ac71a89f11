export * from './errors.ts';
export * from './model.ts';
export * from './ranges/range-classes.ts';
