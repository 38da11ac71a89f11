import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** What a path of the build machine looks like in output: the repo, the shared data, /work/. */
const BUILD_PATHS = [REPO, 'shared/data', '/work/'];

describe('the built site', () => {
  it('holds no path of the machine that built it, in any file (search fragments unpacked)', async () => {
    const dist = inject('siteDist');
    const files = await readdir(dist, { recursive: true, withFileTypes: true });
    const found: string[] = [];
    let read = 0;
    for (const entry of files) {
      if (!entry.isFile() || /\.(br|gz|png|ico|woff2?)$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      const bytes = await readFile(path);
      // Pagefind's fragments and indexes are gzip files under their own extensions.
      const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString(
        'latin1',
      );
      read++;
      for (const needle of BUILD_PATHS) {
        if (text.includes(needle)) found.push(`${path.slice(dist.length)}: ${needle}`);
      }
    }
    expect(read).toBeGreaterThan(1000);
    expect(found.slice(0, 20)).toEqual([]);
  });
});
