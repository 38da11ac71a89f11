import type { SourceRow } from '@portbook/core';
import { describe, expect, it } from 'vitest';
import type { ChangeCounts } from './history-pages.ts';
import { releasesFeed } from './releases-feed.ts';

function release(id: number, published: string, counts: Partial<ChangeCounts>) {
  const slug = `iana-${published}`;
  return {
    slug,
    path: `/history/${slug}/`,
    label: `IANA registry of ${published}`,
    counts: { added: 0, removed: 0, modified: 0, renamed: 0, deassigned: 0, ...counts },
    assignedRecords: 6000 + id,
    source: { id, published } as SourceRow,
    previous: undefined,
  };
}

const releases = [
  release(1, '2026-07-01', { added: 2 }),
  release(2, '2026-08-17', { added: 12, removed: 3, renamed: 1 }),
  release(3, '2026-09-02', {}),
];

describe('releasesFeed', () => {
  it('writes an entry per release, newest first, counting each kind and linking its page', () => {
    const feed = releasesFeed('https://portbook.example', releases);
    expect(feed.match(/<entry>/g)).toHaveLength(3);
    expect(feed.indexOf('iana-2026-09-02')).toBeLessThan(feed.indexOf('iana-2026-08-17'));
    expect(feed).toContain(
      '<title>IANA registry of 2026-08-17: 12 added, 3 removed, 1 renamed</title>',
    );
    expect(feed).toContain('<link href="https://portbook.example/history/iana-2026-08-17/"/>');
    expect(feed).toContain('<title>IANA registry of 2026-09-02: no record changed</title>');
    expect(feed).toContain('<updated>2026-09-02T00:00:00Z</updated>\n<author>');
  });

  it('keeps the newest N and uses relative links when no public URL is set', () => {
    const feed = releasesFeed(undefined, releases, 2);
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).not.toContain('iana-2026-07-01');
    expect(feed).toContain('<link rel="self" href="/feed.xml"/>');
  });

  it('escapes what a label may hold', () => {
    const odd = { ...release(4, '2026-10-01', { added: 1 }), label: 'A <b> & "c"' };
    expect(releasesFeed(undefined, [odd])).toContain(
      '<title>A &lt;b&gt; &amp; &quot;c&quot;: 1 added</title>',
    );
  });
});
