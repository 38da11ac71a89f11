import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import { sharedDataFile } from '../testing.ts';
import { parseSource } from './detect.ts';

/** Record counts from PROVENANCE.md, section 2. */
const SNAPSHOT_RECORDS: Record<string, number> = {
  '2013-02-18': 13_219,
  '2015-01-09': 13_610,
  '2017-03-10': 13_955,
  '2018-01-05': 14_044,
  '2019-01-08': 14_117,
  '2020-01-08': 14_178,
  '2021-01-06': 14_268,
  '2022-01-10': 14_316,
  '2023-01-03': 14_393,
  '2024-01-05': 14_437,
  '2025-01-13': 14_466,
  '2026-01-23': 14_496,
};

describeSharedData('the yearly XML snapshots', () => {
  it.each(Object.entries(SNAPSHOT_RECORDS))('%s parses with %i records', (date, count) => {
    const path = sharedDataFile(`iana-snapshots/${date}.xml.gz`) as string;
    const document = parseSource(readFileSync(path), path);
    expect(document.kind).toBe('iana-xml');
    expect(document.edition).toBe(`iana:${date}`);
    expect(document.records).toHaveLength(count);
  });
});
