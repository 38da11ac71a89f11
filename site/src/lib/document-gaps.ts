import type { DocumentGap } from './sentences.ts';

/**
 * Assigned Numbers RFCs and registry copies came every year or two; a longer silence between
 * two documents (1994–2004, 2008–2013) is a gap in what the history can know.
 */
export const GAP_YEARS = 3;

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** The gaps between consecutive document dates (`YYYY-MM-DD`, any order). */
export function documentGaps(dates: readonly string[]): DocumentGap[] {
  const sorted = [...new Set(dates)].sort();
  return sorted.flatMap((date, index) => {
    const next = sorted[index + 1];
    if (!next) return [];
    const years = (Date.parse(next) - Date.parse(date)) / YEAR_MS;
    return years > GAP_YEARS ? [{ from: date, to: next }] : [];
  });
}

/** The gap a document closes: its date is the gap's end. */
export function gapBefore(date: string, gaps: readonly DocumentGap[]): DocumentGap | undefined {
  return gaps.find((gap) => gap.to === date);
}
