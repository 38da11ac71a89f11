import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DENSE,
  historyOf,
  seededHistories,
  WIDE,
} from '../../test/fixtures/timeline/history-corpus.ts';
import { buildTimelineOfDocuments, TIMELINE_RULES } from './timeline.ts';

describe('TIMELINE_RULES', () => {
  it('names what the rules build: a change to any of these timelines bumps it', () => {
    const histories = [...seededHistories(1, 200, WIDE), ...seededHistories(2, 200, DENSE)];
    const timelines = histories.map((documents) => {
      const history = historyOf(documents);
      return buildTimelineOfDocuments(history.sources, history.documents);
    });
    expect(timelines.reduce((sum, timeline) => sum + timeline.changes.length, 0)).toBeGreaterThan(
      2000,
    );
    const digest = createHash('sha256').update(JSON.stringify(timelines)).digest('hex');
    // A new digest with the same version: stored timelines would be extended by other rules.
    expect({ rules: TIMELINE_RULES, digest: digest.slice(0, 16) }).toEqual({
      rules: 1,
      digest: 'ca18cacde1ee834d',
    });
  }, 30_000);
});
