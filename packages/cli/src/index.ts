export { prepareSnapshotCache } from './registry/open-snapshot.ts';
export { SERVER_NODE_FLAGS, serverEnv } from './server-flags.ts';
export type { FetchedDocument } from './sources/fetched-document.ts';
export { mirrorFiles, readMirrorFile } from './sources/mirror.ts';
