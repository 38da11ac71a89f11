export { ASSIGNED_NUMBERS_RFCS } from './sources/assigned-numbers-rfcs.ts';
export type { FetchedDocument } from './sources/fetched-document.ts';
export { mirrorFiles, readMirrorFile } from './sources/mirror.ts';
