import { siteEnv } from '../env.ts';
import { releasesFeed } from '../lib/releases-feed.ts';
import { sourcePages } from '../lib/site.ts';

export function GET(): Response {
  return new Response(releasesFeed(siteEnv().siteUrl, sourcePages), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
