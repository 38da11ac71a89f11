import { describe, expect, it } from 'vitest';
import { changesFeed, sitemap, sitemapIndex } from './xml-documents.ts';

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
});

describe('changesFeed', () => {
  it('writes an Atom entry per change, escaped, linking to the port', () => {
    const feed = changesFeed(
      'https://portbook.example',
      [
        {
          id: 'c1',
          occurred: '2026-09-01',
          date: '2026-08-17',
          kind: 'modified',
          sentence: 'changed “Who is up” on 15/tcp',
          href: '/ports/15/',
          details: ['description: "a" → "<b>"'],
          evidence: null,
        },
      ],
      '2026-08-17',
    );
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed).toContain('<title>changed “Who is up” on 15/tcp</title>');
    expect(feed).toContain('<link href="https://portbook.example/ports/15/"/>');
    expect(feed).toContain('&lt;b&gt;');
    // Dated by the change's own date, not the later document's.
    expect(feed).toContain('<entry><id>urn:portbook:change:c1</id>');
    expect(feed).toContain('<updated>2026-08-17T00:00:00Z</updated>');
  });

  it('uses relative links when no public URL is set', () => {
    const feed = changesFeed(undefined, [], '2026-08-17');
    expect(feed).toContain('<link rel="self" href="/feed.xml"/>');
    expect(sitemap(undefined, ['/ports/22/'])).toContain('<loc>/ports/22/</loc>');
  });
});
