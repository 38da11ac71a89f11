import { describe, expect, it } from 'vitest';
import { record, snapshotRowsFrom } from '../testing.ts';
import { buildRegistrySnapshot } from './build-snapshot.ts';
import { ianaOrder } from './current-by-port.ts';
import { Occupancy } from './occupancy.ts';
import type { AssignmentRow, CurrentBlocks, SnapshotRows } from './rows.ts';
import { isCurrent } from './validity.ts';

/** Records both editions hold; the first also holds `gone` after the first four. */
const kept = [
  record({ port: 0, protocol: 'tcp', description: 'Reserved', status: 'reserved' }),
  record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'Secure Shell' }),
  record({ serviceName: 'ssh', port: 22, protocol: 'udp', description: 'Secure Shell' }),
  record({ serviceName: 'edge', port: [15, 17], protocol: 'udp', description: 'On an edge' }),
  record({ serviceName: 'nameonly', description: 'No port' }),
  record({ serviceName: 'x11', port: [6000, 6063], protocol: 'tcp', description: 'X' }),
  record({ port: [6064, 6065], protocol: 'tcp', description: 'Unassigned' }),
];
const rows = snapshotRowsFrom([
  {
    id: 1,
    edition: 'iana:2024-01-01',
    published: '2024-01-01',
    records: [
      ...kept.slice(0, 4),
      record({ serviceName: 'gone', port: 40, protocol: 'tcp', description: 'Removed later' }),
      ...kept.slice(4),
    ],
  },
  {
    id: 2,
    edition: 'iana:2025-01-01',
    published: '2025-01-01',
    records: kept,
  },
]);

/** The current records in blocks of 16 ports, as a cache stores them (the CLI's). */
function inBlocks(rows: SnapshotRows, size = 16): SnapshotRows {
  const current = rows.assignments.filter(isCurrent).sort(ianaOrder);
  const reads: number[] = [];
  const currentBlocks: CurrentBlocks = {
    size,
    block(index) {
      reads.push(index);
      const meets = (row: AssignmentRow) =>
        row.portLow !== null &&
        row.portHigh !== null &&
        row.portLow <= (index + 1) * size - 1 &&
        row.portHigh >= index * size;
      return current.filter(meets);
    },
    occupancy: () => new Occupancy(current).state(),
  };
  return { ...rows, currentAssignments: current, currentBlocks, blocksRead: reads } as SnapshotRows;
}

describe('current records stored in blocks of ports', () => {
  it('answer every port, range and free block as the records indexed whole do', async () => {
    const whole = await buildRegistrySnapshot(rows);
    const blocked = await buildRegistrySnapshot(inBlocks(rows), { indexes: 'on-demand' });
    const ports = [...Array(100).keys(), ...Array.from({ length: 100 }, (_, n) => 5980 + n)];
    for (const port of ports) {
      const { history: _a, ...expected } = whole.port(port);
      const { history: _b, ...actual } = blocked.port(port);
      expect(actual, `port ${port}`).toEqual(expected);
    }
    for (const within of [
      { low: 0, high: 15 },
      { low: 10, high: 40 },
      { low: 16, high: 16 },
      { low: 6010, high: 6070 },
      { low: 0, high: 65535 },
    ]) {
      expect(blocked.assignmentsMatching({ within }), JSON.stringify(within)).toEqual(
        whole.assignmentsMatching({ within }),
      );
      expect(blocked.freeBlocks(within)).toEqual(whole.freeBlocks(within));
    }
    // A record spanning blocks, found once.
    expect(blocked.assignmentsMatching({ within: { low: 5990, high: 6100 } })).toHaveLength(2);
  });

  it('are read only where a question asks', async () => {
    const stored = inBlocks(rows);
    const snapshot = await buildRegistrySnapshot(stored, { indexes: 'on-demand' });
    snapshot.port(6010);
    snapshot.assignmentsMatching({ within: { low: 6000, high: 6020 } });
    const reads = (stored as SnapshotRows & { blocksRead: number[] }).blocksRead;
    expect(new Set(reads)).toEqual(new Set([375, 376]));
  });
});
