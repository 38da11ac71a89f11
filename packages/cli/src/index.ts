export { prepareSnapshotCache } from './registry/open-snapshot.ts';
export type { FetchedDocument } from './sources/fetched-document.ts';
export { mirrorFiles, readMirrorFile } from './sources/mirror.ts';
