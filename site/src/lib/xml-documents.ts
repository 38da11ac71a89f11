import { siteLink } from '../env.ts';
import type { ChangeLine } from './change-text.ts';
import { escapeXml } from './charts/svg.ts';

/** The sitemap protocol allows 50,000 URLs per file; the index lists the files. */
export const SITEMAP_LIMIT = 50_000;

export function sitemapIndex(
  siteUrl: string | undefined,
  parts: number,
  lastModified: string | undefined,
): string {
  const entries = Array.from(
    { length: parts },
    (_, part) =>
      `<sitemap><loc>${escapeXml(siteLink(`/sitemap-${part}.xml`, siteUrl))}</loc>${lastModified ? `<lastmod>${lastModified}</lastmod>` : ''}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`;
}

export function sitemap(siteUrl: string | undefined, paths: readonly string[]): string {
  const entries = paths.map(
    (path) => `<url><loc>${escapeXml(siteLink(path, siteUrl))}</loc></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/** An Atom 1.0 feed of registry changes, newest first, each entry linking to its port page. */
export function changesFeed(
  siteUrl: string | undefined,
  changes: readonly ChangeLine[],
  updated: string,
): string {
  const link = (path: string) => escapeXml(siteLink(path, siteUrl));
  const entries = changes.map((change) => {
    const summary = [change.sentence, ...change.details, change.evidence ?? '']
      .filter(Boolean)
      .join('\n');
    return [
      '<entry>',
      `<id>urn:portbook:change:${escapeXml(encodeURIComponent(change.id))}</id>`,
      `<title>${escapeXml(change.sentence)}</title>`,
      `<updated>${change.date}T00:00:00Z</updated>`,
      `<link href="${link(change.href ?? '/history/')}"/>`,
      `<summary>${escapeXml(summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<title>portbook: changes to the port number registry</title>',
    '<id>urn:portbook:feed</id>',
    `<link rel="self" href="${link('/feed.xml')}"/>`,
    `<link href="${link('/')}"/>`,
    `<updated>${updated}T00:00:00Z</updated>`,
    '<author><name>portbook</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
