import { siteLink } from '../env.ts';
import { escapeXml } from './charts/svg.ts';
import type { SourcePage } from './history-pages.ts';
import { changeCountsText } from './sentences.ts';

/** Entries the feed carries: a reader subscribes for what is new, not for 1972. */
export const FEED_RELEASES = 100;

type FeedRelease = Pick<
  SourcePage,
  'slug' | 'path' | 'label' | 'counts' | 'assignedRecords' | 'source' | 'previous'
>;

/**
 * An Atom 1.0 feed with an entry per document of the registry's history, newest first:
 * what changed in it, kind by kind, linking its page.
 */
export function releasesFeed(
  siteUrl: string | undefined,
  releases: readonly FeedRelease[],
  limit = FEED_RELEASES,
): string {
  const link = (path: string) => escapeXml(siteLink(path, siteUrl));
  const newest = [...releases]
    .sort(
      (a, b) => b.source.published.localeCompare(a.source.published) || b.source.id - a.source.id,
    )
    .slice(0, limit);
  const entries = newest.map((release) => {
    const counts = changeCountsText(release.counts);
    const summary = `${counts}${release.previous ? ` since ${release.previous.label}` : ''}. ${release.assignedRecords.toLocaleString('en-US')} assigned records on ${release.source.published}.`;
    return [
      '<entry>',
      `<id>urn:portbook:release:${escapeXml(release.slug)}</id>`,
      `<title>${escapeXml(`${release.label}: ${counts}`)}</title>`,
      `<published>${release.source.published}T00:00:00Z</published>`,
      `<updated>${release.source.published}T00:00:00Z</updated>`,
      `<link href="${link(release.path)}"/>`,
      `<summary>${escapeXml(summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  const updated = newest[0]?.source.published ?? '1972-01-01';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<title>portbook: releases of the port number registry</title>',
    '<id>urn:portbook:feed</id>',
    `<link rel="self" href="${link('/feed.xml')}"/>`,
    `<link href="${link('/history/')}"/>`,
    `<updated>${updated}T00:00:00Z</updated>`,
    '<author><name>portbook</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
