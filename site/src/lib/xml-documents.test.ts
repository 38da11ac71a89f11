import { describe, expect, it } from 'vitest';
import { sitemap, sitemapIndex } from './xml-documents.ts';

describe('sitemaps', () => {
  it('lists absolute URLs and points the index at each part', () => {
    expect(sitemap('https://portbook.example', ['/ports/22/', '/services/whois~2b~2b/'])).toContain(
      '<url><loc>https://portbook.example/services/whois~2b~2b/</loc></url>',
    );
    const index = sitemapIndex('https://portbook.example', 2, '2026-08-17');
    expect(index.match(/<sitemap>/g)).toHaveLength(2);
    expect(index).toContain(
      '<loc>https://portbook.example/sitemap-1.xml</loc><lastmod>2026-08-17</lastmod>',
    );
  });

  it('uses relative links when no public URL is set', () => {
    expect(sitemap(undefined, ['/ports/22/'])).toContain('<loc>/ports/22/</loc>');
  });
});
