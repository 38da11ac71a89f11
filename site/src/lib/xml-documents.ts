import { siteLink } from '../env.ts';
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
