import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Written by src/pages/pagefind-pages.txt.ts: the searchable pages, so no other file is read. */
export const SEARCH_MANIFEST = 'pagefind-pages.txt';
/** Files read at once: reading is bound by file-system latency, not by CPU. */
const READERS = 16;

/**
 * Builds the Pagefind index into `<site>/pagefind/` from the pages the build listed as
 * searchable (about one in ten: never-assigned ports are found by number), then removes the
 * list, which is no page of the site.
 */
export async function buildSearchIndex(site: string): Promise<number> {
  const manifest = join(site, SEARCH_MANIFEST);
  const files = (await readFile(manifest, 'utf8')).split('\n').filter(Boolean);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added: Promise<{ errors: string[] }>[] = [];
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const sourcePath = files[next++] as string;
      const content = await readFile(join(site, sourcePath), 'utf8');
      added.push(index.addHTMLFile({ sourcePath, content }));
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  const failures = (await Promise.all(added)).flatMap((result) => result.errors);
  if (failures.length > 0) throw new Error(`pagefind: ${failures.slice(0, 5).join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  await rm(manifest);
  return files.length;
}
