import type { APIContext } from 'astro';
import { siteEnv } from '../env.ts';
import { sitemapPaths } from '../lib/site.ts';
import { SITEMAP_LIMIT, sitemap } from '../lib/xml-documents.ts';

export function getStaticPaths() {
  const parts = Math.ceil(sitemapPaths.length / SITEMAP_LIMIT);
  return Array.from({ length: parts }, (_, part) => ({ params: { part: String(part) } }));
}

export function GET({ params }: APIContext): Response {
  const part = Number(params.part);
  const paths = sitemapPaths.slice(part * SITEMAP_LIMIT, (part + 1) * SITEMAP_LIMIT);
  return new Response(sitemap(siteEnv().siteUrl, paths), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
