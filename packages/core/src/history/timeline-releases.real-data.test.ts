import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import {
  composeHistoryChanges,
  type NetChanges,
  timelineNetChanges,
  withoutAssignee,
} from '../../test/fixtures/timeline/iana-history.ts';
import { RELEASE_DIFFERENCES } from '../../test/fixtures/timeline/release-differences.ts';
import { recordFingerprint } from '../records/fingerprint.ts';
import { parseSource } from '../sources/detect.ts';
import { sharedDataFile } from '../testing.ts';
import { buildTimeline } from './timeline.ts';
import type { TimelineEntry, TimelineSource } from './types.ts';

/** The 450 XML releases of the archive, unpacked with the zstd and tar commands. */
function unpackReleases(dir: string): string[] {
  const pack = sharedDataFile('iana-releases/iana-releases.tar.zst') as string;
  execFileSync('sh', ['-c', 'zstd -q -d --long=27 -c "$1" | tar -x -C "$2"', 'unpack', pack, dir]);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => join(dir, name));
}

function loadReleases(paths: string[]) {
  const versions = new Map<string, number>();
  const sources: TimelineSource[] = [];
  const entries: TimelineEntry[] = [];
  paths.forEach((path, i) => {
    const document = parseSource(readFileSync(path), path);
    const { kind, edition, published, fields } = document;
    sources.push({ id: i + 1, kind, edition, published, fields });
    document.records.forEach((record, position) => {
      const fingerprint = recordFingerprint(record);
      const versionId = versions.get(fingerprint) ?? versions.size + 1;
      versions.set(fingerprint, versionId);
      entries.push({ sourceId: i + 1, position, versionId, record });
    });
  });
  return { sources, entries };
}

function countByRelease(net: NetChanges): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of net.keys()) {
    const release = key.split('|')[0] as string;
    counts.set(release, (counts.get(release) ?? 0) + 1);
  }
  return counts;
}

describeSharedData('the timeline of every IANA XML release, 2013–2026', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portbook-releases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { sources, entries } = loadReleases(unpackReleases(dir));
  const timeline = buildTimeline(sources, entries);
  const publishedOf = new Map(sources.map((s) => [s.id, s.published]));
  const expected = withoutAssignee(
    composeHistoryChanges(
      sharedDataFile('iana-history/changes.jsonl') as string,
      sources.map((s) => s.published),
    ),
  );
  const actual = withoutAssignee(timelineNetChanges(timeline, entries, publishedOf));

  it('dates each change to the release that shows it, as IANA history does, but for the differences explained', () => {
    const onlyPortbook = [...actual].filter(([key, fields]) => expected.get(key) !== fields);
    const onlyHistory = [...expected].filter(([key, fields]) => actual.get(key) !== fields);
    expect(sources).toHaveLength(450);
    expect({ onlyPortbook, onlyHistory }).toEqual(RELEASE_DIFFERENCES);
  });

  it('has the per-release counts of IANA history once the explained differences are taken out', () => {
    const explainedActual = new Map(actual);
    for (const [key] of RELEASE_DIFFERENCES.onlyPortbook) explainedActual.delete(key);
    for (const [key, fields] of RELEASE_DIFFERENCES.onlyHistory) explainedActual.set(key, fields);
    expect(Object.fromEntries(countByRelease(explainedActual))).toEqual(
      Object.fromEntries(countByRelease(expected)),
    );
    expect(expected.size).toBeGreaterThan(2500);
  });
});
