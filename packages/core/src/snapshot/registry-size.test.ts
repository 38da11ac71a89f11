import { describe, expect, it } from 'vitest';
import { record, snapshotRowsFrom } from '../testing.ts';
import { buildRegistrySnapshot } from './build-snapshot.ts';
import { validOn } from './validity.ts';

const ssh = record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'SSH' });
const http = record({ serviceName: 'http', port: 80, protocol: 'tcp', description: 'WWW' });
const reserved = record({ port: 0, protocol: 'tcp', description: 'Reserved', status: 'reserved' });
const x11 = record({ serviceName: 'x11', port: [6000, 6063], protocol: 'tcp', description: 'X' });

const rows = snapshotRowsFrom([
  { id: 1, edition: 'iana:2020-01-01', published: '2020-01-01', records: [reserved, ssh, http] },
  { id: 2, edition: 'iana:2021-01-01', published: '2021-01-01', records: [reserved, ssh] },
  { id: 3, edition: 'iana:2022-06-01', published: '2022-06-01', records: [reserved, ssh, x11] },
]);
const snapshot = await buildRegistrySnapshot(rows);

describe('assignedRecordCounts', () => {
  const dates = [
    '2019-12-31',
    '2020-01-01',
    '2020-12-31',
    '2021-01-01',
    '2022-06-01',
    '2030-01-01',
  ];

  it('counts the assigned records valid on each date, as validOn reads every record', () => {
    const byReading = dates.map(
      (date) => rows.assignments.filter((r) => r.status === 'assigned' && validOn(r, date)).length,
    );
    expect(snapshot.assignedRecordCounts(dates)).toEqual(byReading);
  });

  it('grows and shrinks with the documents: none before the first, http gone in 2021, x11 in 2022', () => {
    expect(snapshot.assignedRecordCounts(dates)).toEqual([0, 2, 2, 1, 2, 2]);
  });
});
