import { type ChangeLine, changeHeadline } from './change-text.ts';
import { escapeXml } from './charts/svg.ts';

/** The sitemap protocol allows 50,000 URLs per file; the index lists the files. */
export const SITEMAP_LIMIT = 50_000;

export function sitemapIndex(
  siteUrl: string,
  parts: number,
  lastModified: string | undefined,
): string {
  const entries = Array.from(
    { length: parts },
    (_, part) =>
      `<sitemap><loc>${escapeXml(new URL(`/sitemap-${part}.xml`, siteUrl).href)}</loc>${lastModified ? `<lastmod>${lastModified}</lastmod>` : ''}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`;
}

export function sitemap(siteUrl: string, paths: readonly string[]): string {
  const entries = paths.map(
    (path) => `<url><loc>${escapeXml(new URL(path, siteUrl).href)}</loc></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/** An Atom 1.0 feed of registry changes, newest first, each entry linking to its port page. */
export function changesFeed(
  siteUrl: string,
  changes: readonly ChangeLine[],
  updated: string,
): string {
  const absolute = (path: string) => escapeXml(new URL(path, siteUrl).href);
  const entries = changes.map((change) => {
    const link = change.href ?? '/history/';
    const summary = [changeHeadline(change), ...change.details, change.evidence ?? '']
      .filter(Boolean)
      .join('\n');
    return [
      '<entry>',
      `<id>${absolute(`/changes/${encodeURIComponent(change.id)}`)}</id>`,
      `<title>${escapeXml(changeHeadline(change))}</title>`,
      `<updated>${change.occurred}T00:00:00Z</updated>`,
      `<link href="${absolute(link)}"/>`,
      `<summary>${escapeXml(summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<title>portbook: changes to the port number registry</title>',
    `<id>${absolute('/feed.xml')}</id>`,
    `<link rel="self" href="${absolute('/feed.xml')}"/>`,
    `<link href="${absolute('/')}"/>`,
    `<updated>${updated}T00:00:00Z</updated>`,
    '<author><name>portbook</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
