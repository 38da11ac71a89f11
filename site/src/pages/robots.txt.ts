import { siteEnv } from '../env.ts';

export function GET(): Response {
  const sitemap = new URL('/sitemap.xml', siteEnv().siteUrl).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
