import { siteEnv, siteLink } from '../env.ts';

export function GET(): Response {
  const { siteUrl } = siteEnv();
  // The Sitemap line must be absolute: without the public URL it is left out (the build says so).
  const sitemap = siteUrl ? `\nSitemap: ${siteLink('/sitemap.xml', siteUrl)}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
