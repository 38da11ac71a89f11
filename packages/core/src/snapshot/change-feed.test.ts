import { describe, expect, it } from 'vitest';
import { record, snapshotRowsFrom } from '../testing.ts';
import { buildRegistrySnapshot } from './build-snapshot.ts';
import { oldestFirst, yearOf } from './change-feed.ts';
import type { SnapshotRows } from './rows.ts';

const ssh = record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'Secure Shell' });
const rows = snapshotRowsFrom([
  { id: 1, edition: 'iana:2022-03-01', published: '2022-03-01', records: [ssh] },
  {
    id: 2,
    edition: 'iana:2023-06-01',
    published: '2023-06-01',
    records: [ssh, record({ serviceName: 'web', port: 80, protocol: 'tcp', description: 'Web' })],
  },
  {
    id: 3,
    edition: 'iana:2023-11-20',
    published: '2023-11-20',
    records: [ssh, record({ serviceName: 'www', port: 80, protocol: 'tcp', description: 'Web' })],
  },
  { id: 4, edition: 'iana:2025-02-01', published: '2025-02-01', records: [ssh] },
]);

/** The changes by the year they occurred in, as a cache stores them, counting the years read. */
function inYears(rows: SnapshotRows): SnapshotRows & { yearsRead: number[] } {
  const changes = [...rows.changes].sort(oldestFirst);
  const yearsRead: number[] = [];
  const years = changes.map((change) => yearOf(change.occurred));
  return {
    ...rows,
    changeYears: {
      first: Math.min(...years),
      last: Math.max(...years),
      year(year) {
        yearsRead.push(year);
        return changes.filter((change) => yearOf(change.occurred) === year);
      },
    },
    yearsRead,
  };
}

describe('changes stored by the year they occurred in', () => {
  it('list the changes between two dates as the feed indexed whole does', async () => {
    const whole = await buildRegistrySnapshot(rows);
    expect(whole.changes({}).length).toBeGreaterThan(3);
    for (const filter of [
      { since: '2022-01-01', until: '2025-12-31' },
      { since: '2023-06-01', until: '2023-06-01' },
      { since: '2023-06-02', until: '2023-11-20' },
      { since: '2023-01-01' },
      { until: '2023-06-01' },
      { since: '1999-01-01', until: '2030-01-01' },
      { since: '2024-01-01', until: '2024-12-31' },
      { since: '2023-01-01', kinds: ['renamed' as const] },
    ]) {
      const stored = await buildRegistrySnapshot(inYears(rows), { indexes: 'on-demand' });
      expect(stored.changes(filter), JSON.stringify(filter)).toEqual(whole.changes(filter));
    }
  });

  it('are read only for the years asked', async () => {
    const stored = inYears(rows);
    const snapshot = await buildRegistrySnapshot(stored, { indexes: 'on-demand' });
    snapshot.changes({ since: '2023-06-02', until: '2024-01-01' });
    expect(stored.yearsRead).toEqual([2023, 2024]);
  });
});
