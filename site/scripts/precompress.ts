import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Worth compressing ahead of time: the home page's port map alone is 2 MB of HTML. */
const MIN_BYTES = 32 * 1024;
const TEXT = /\.(html|xml|json|css|js|svg)$/;
/** Port and service pages are all small (checking 73,000 sizes took seconds); Pagefind compresses its own. */
const SKIPPED = new Set(['ports', 'services', 'pagefind']);

/**
 * Writes `.br` and `.gz` beside every large text file, for servers that send precompressed
 * files (sirv with `brotli`/`gzip`). The small port pages are left alone: not worth the time.
 */
export async function precompress(site: string): Promise<number> {
  let written = 0;
  for await (const full of textFiles(site, '')) {
    if ((await stat(full)).size < MIN_BYTES) continue;
    const bytes = await readFile(full);
    const params = { [constants.BROTLI_PARAM_QUALITY]: 9 };
    await writeFile(`${full}.br`, await brotli(bytes, { params }));
    await writeFile(`${full}.gz`, await gzipAsync(bytes, { level: 9 }));
    written++;
  }
  return written;
}

async function* textFiles(site: string, dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(join(site, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !(dir === '' && SKIPPED.has(entry.name)))
      yield* textFiles(site, path);
    else if (entry.isFile() && TEXT.test(entry.name)) yield join(site, path);
  }
}
