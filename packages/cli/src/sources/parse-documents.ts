import { type ParseSourceOptions, parseSource, type SourceDocument } from '@portbook/core';
import type { Progress } from '../progress.ts';
import type { FetchedDocument } from './fetched-document.ts';

/** Parses documents one by one, showing which; the first that fails stops the run. */
export function parseDocuments(
  fetched: readonly (() => FetchedDocument)[],
  progress: Progress,
  options: ParseSourceOptions = {},
): SourceDocument[] {
  return fetched.map((read, index) => {
    const { origin, bytes } = read();
    progress.step(`parse ${index + 1}/${fetched.length} ${origin}`);
    return parseSource(bytes, origin, options);
  });
}
