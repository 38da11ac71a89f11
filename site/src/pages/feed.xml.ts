import { siteEnv } from '../env.ts';
import { feedChanges, registryUpdated } from '../lib/site.ts';
import { changesFeed } from '../lib/xml-documents.ts';

export function GET(): Response {
  const updated = feedChanges[0]?.date ?? registryUpdated ?? '1977-01-01';
  return new Response(changesFeed(siteEnv().siteUrl, feedChanges, updated), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
