/** The bytes of one source document and where they came from, before parsing. */
export interface FetchedDocument {
  /** A file path or URL, shown in progress and stored as the source's origin. */
  origin: string;
  bytes: Uint8Array;
}
