import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The attribute Base.astro puts on the main content of pages that belong in search. */
const INDEXED = 'data-pagefind-body';
/** Files read at once: the scan is bound by file-system latency, not by CPU. */
const READERS = 32;

/**
 * Builds the Pagefind index into `<site>/pagefind/`. Only about one page in ten is searchable
 * (never-assigned ports are found by number), so pages are filtered by a byte search before
 * Pagefind parses them, instead of letting it parse all 70,000.
 */
export async function buildSearchIndex(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const files = (await readdir(site, { recursive: true })).filter((path) => path.endsWith('.html'));
  const added: Promise<{ errors: string[] }>[] = [];
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const sourcePath = files[next++] as string;
      const content = await readFile(join(site, sourcePath), 'utf8');
      if (content.includes(INDEXED)) added.push(index.addHTMLFile({ sourcePath, content }));
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  const failures = (await Promise.all(added)).flatMap((result) => result.errors);
  if (failures.length > 0) throw new Error(`pagefind: ${failures.slice(0, 5).join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.length;
}
