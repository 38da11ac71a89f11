import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SEARCH_MANIFEST } from '../scripts/search-index.ts';

describe('the search index of the built site', () => {
  it('holds exactly the pages marked searchable, and the list of them is not shipped', async () => {
    const dist = inject('siteDist');
    const files = (await readdir(dist, { recursive: true })).filter((path) =>
      path.endsWith('.html'),
    );
    let marked = 0;
    for (const path of files) {
      if ((await readFile(join(dist, path), 'utf8')).includes('data-pagefind-body')) marked++;
    }
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(marked);
    expect(existsSync(join(dist, SEARCH_MANIFEST))).toBe(false);
  });
});
