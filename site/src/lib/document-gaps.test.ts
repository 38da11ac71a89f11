import { describe, expect, it } from 'vitest';
import { documentGaps, gapBefore } from './document-gaps.ts';

describe('documentGaps', () => {
  const dates = [
    '2008-02-29',
    '1994-10-01',
    '1992-07-01',
    '2004-01-08',
    '2006-04-25',
    '2013-02-18',
    '2015-01-09',
  ];

  it('finds the silences longer than the usual year or two between documents', () => {
    expect(documentGaps(dates)).toEqual([
      { from: '1994-10-01', to: '2004-01-08' },
      { from: '2008-02-29', to: '2013-02-18' },
    ]);
  });

  it('names the gap a document closes', () => {
    const gaps = documentGaps(dates);
    expect(gapBefore('2004-01-08', gaps)).toEqual({ from: '1994-10-01', to: '2004-01-08' });
    expect(gapBefore('2006-04-25', gaps)).toBeUndefined();
  });
});
