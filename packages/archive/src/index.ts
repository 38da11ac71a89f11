export {
  ARCHIVE_FORMATS,
  type ArchiveEntry,
  type ArchiveFormat,
  type ArchiveIndex,
  PACK_DIR,
  readArchiveIndex,
} from './archive-index.ts';
export { type ArchiveDocument, type ReadArchiveOptions, readArchive } from './read-archive.ts';
