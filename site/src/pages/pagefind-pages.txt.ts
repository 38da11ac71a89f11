import { searchablePages } from '../lib/site.ts';

/** Read and removed by scripts/search-index.ts: the pages to index, one path per line. */
export function GET(): Response {
  return new Response(`${searchablePages().join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
