import type { SourceDocument } from '../model.ts';

export interface ParseSourceOptions {
  /** The registry date a source reflects when it does not state one (the IANA CSV). */
  published?: string;
}

/** One source format `parseSource` can recognise; formats are listed in `detect.ts`. */
export interface SourceFormat {
  name: string;
  /** Looks at the start of the (decompressed) document only; must not throw. */
  detect(head: string): boolean;
  parse(document: Uint8Array, origin: string, options: ParseSourceOptions): SourceDocument;
}
