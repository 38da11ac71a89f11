import { CHANGE_KINDS, fieldDetails, portRangeText } from '@portbook/core/reader';
import type { HistoryEvent } from '../history/history-event.ts';
import type { TextOptions } from '../terminal/output.ts';
import type { RegistryDiff } from './registry-diff.ts';

/** A diff as text: the counts, then one section per kind of change, each change on a line. */
export function formatDiff(diff: RegistryDiff, { paint }: TextOptions): string {
  const counts = CHANGE_KINDS.filter((kind) => diff.counts[kind] > 0).map(
    (kind) => `${diff.counts[kind]} ${kind}`,
  );
  const lines = [
    `${paint('bold', `registry changes after ${diff.from} up to ${diff.to}`)}  ${counts.join(', ') || 'none'}`,
  ];
  for (const kind of CHANGE_KINDS) {
    const changes = diff.changes.filter((change) => change.kind === kind);
    if (changes.length === 0) continue;
    lines.push('', paint('bold', `${kind} (${changes.length})`));
    const whereWidth = Math.max(...changes.map((change) => where(change).length));
    const nameWidth = Math.max(...changes.map((change) => (change.serviceName ?? '—').length));
    for (const change of changes) {
      lines.push(
        `  ${[change.date, where(change).padEnd(whereWidth), (change.serviceName ?? '—').padEnd(nameWidth), paint('dim', change.document?.label ?? '')].join('  ')}`,
      );
      for (const detail of fieldDetails(change.fields)) lines.push(`      ${detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function where(change: HistoryEvent): string {
  const port = change.low === null ? 'no port' : portRangeText(change.low, change.high);
  return change.protocol ? `${port}/${change.protocol}` : port;
}
