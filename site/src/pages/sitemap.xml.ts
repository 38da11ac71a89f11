import { siteEnv } from '../env.ts';
import { registryUpdated, sitemapPaths } from '../lib/site.ts';
import { SITEMAP_LIMIT, sitemapIndex } from '../lib/xml-documents.ts';

export function GET(): Response {
  const parts = Math.ceil(sitemapPaths.length / SITEMAP_LIMIT);
  return new Response(sitemapIndex(siteEnv().siteUrl, parts, registryUpdated), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
