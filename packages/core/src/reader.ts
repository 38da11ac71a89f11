// What a reader of the registry needs: the snapshot and its rows, and the vocabulary of ports,
// protocols, dates, errors and history events. None of the parsers or the history engine an
// import needs: a command answering from a snapshot loads a third of core's modules.
export * from './dates.ts';
export * from './errors.ts';
export * from './history/change-text.ts';
export * from './history/port-timeline.ts';
export * from './history/types.ts';
export * from './model.ts';
export * from './ranges/assert-port.ts';
export * from './ranges/ephemeral.ts';
export * from './ranges/range-classes.ts';
export * from './snapshot/index.ts';
export * from './software/index.ts';
export type { SocketStatement } from './sources/rfc/socket-statements.ts';
