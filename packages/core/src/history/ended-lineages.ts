import type { Lineage } from './lineages.ts';
import { exactKey } from './record-identity.ts';
import { carriesRecords } from './source-coverage.ts';
import type { TimelineSource } from './types.ts';

/** A lineage that ended under a key (`ending`), or came back under it, at a timeline source. */
interface KeyEvent {
  at: number;
  ending: boolean;
  /** Its place among the records of the source before `at` (ties: the later one wins). */
  rank: number;
  lineage: Lineage;
}

/**
 * The lineages a built timeline holds as ended under the given exact keys: what linking would
 * bring back if a record of that key appeared again, replayed from the lineages' runs. A run that
 * stops before the last source, or before a gap, ended its lineage under its record's key; the run
 * after a gap brought it back. `lineages` must hold every lineage with a run of those keys.
 * Null when two lineages ended under one key in one source and their runs cannot tell which came
 * later (a source that carried records across it lists them out of document order).
 */
export function endedLineages(
  sources: readonly TimelineSource[],
  lineages: Iterable<Lineage>,
  keys: ReadonlySet<string>,
): Map<string, Lineage> | null {
  const events = new Map<string, KeyEvent[]>();
  const add = (key: string, event: KeyEvent) => {
    if (!keys.has(key)) return;
    const list = events.get(key);
    if (list) list.push(event);
    else events.set(key, [event]);
  };
  for (const lineage of lineages) {
    lineage.nodes.forEach((node, k) => {
      const before = lineage.nodes[k - 1];
      if (before && node.sourceIndex > before.lastIndex + 1) {
        add(exactKey(node.record), { at: node.sourceIndex, ending: false, rank: 0, lineage });
      }
      const next = lineage.nodes[k + 1];
      if (next ? next.sourceIndex > node.lastIndex + 1 : node.lastIndex < sources.length - 1) {
        add(exactKey(node.record), {
          at: node.lastIndex + 1,
          ending: true,
          rank: node.position,
          lineage,
        });
      }
    });
  }
  const ended = new Map<string, Lineage>();
  for (const [key, list] of events) {
    // Within a source, records come back before the lineages it no longer states end.
    list.sort((x, y) => x.at - y.at || Number(x.ending) - Number(y.ending) || x.rank - y.rank);
    let candidates: Lineage[] = [];
    list.forEach((event, i) => {
      if (!event.ending) {
        candidates = [];
        return;
      }
      const previous = list[i - 1];
      const tied =
        previous?.ending &&
        previous.at === event.at &&
        (previous.rank === event.rank ||
          carriesRecords((sources[event.at - 1] as TimelineSource).kind));
      candidates = tied ? [...candidates, event.lineage] : [event.lineage];
    });
    if (candidates.length > 1) return null;
    if (candidates[0]) ended.set(key, candidates[0]);
  }
  return ended;
}
