import type { Command } from 'commander';
import type { DatabaseStats } from './stats-query.ts';

function formatStats(stats: DatabaseStats): string {
  const lines: string[] = [];
  const row = (label: string, value: string | number) =>
    lines.push(`  ${label.padEnd(32)}${value}`);
  lines.push('sources');
  for (const source of stats.sources)
    row(source.kind, `${source.count} (${source.inTimeline} in timeline)`);
  if (stats.sources.length === 0) row('(none)', 0);
  lines.push('current records by protocol');
  for (const protocol of stats.currentByProtocol) row(protocol.protocol, protocol.count);
  row('total', stats.currentAssignments);
  lines.push('assignments through history');
  row('total', stats.assignments);
  lines.push('changes by kind');
  for (const change of stats.changesByKind) row(change.kind, change.count);
  lines.push('people');
  row('total', stats.people);
  lines.push('last sync');
  const run = stats.lastSync;
  row(
    run ? `${run.status} via ${run.via}` : 'never',
    run
      ? `${run.finishedAt?.toISOString() ?? 'running'}${run.message ? ` — ${run.message}` : ''}`
      : '',
  );
  return `${lines.join('\n')}\n`;
}

export function statsCommand(program: Command): void {
  program
    .command('stats')
    .description('what the database holds: sources, records, changes, people, last sync')
    .option('--json', 'print the figures as JSON')
    .action(async (options: { json?: boolean }) => {
      const [{ withDatabase }, { databaseStats }] = await Promise.all([
        import('../open-database.ts'),
        import('./stats-query.ts'),
      ]);
      const stats = await withDatabase((database) => databaseStats(database.db));
      process.stdout.write(
        options.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats),
      );
    });
}
