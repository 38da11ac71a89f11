import { describe, expect, it } from 'vitest';
import { record, snapshotRowsFrom } from '../testing.ts';
import { AssignedPorts } from './assigned-ports.ts';

const rows = snapshotRowsFrom([
  {
    id: 1,
    edition: 'iana:2020-01-01',
    published: '2020-01-01',
    records: [
      record({ port: 0, protocol: 'tcp', description: 'Reserved', status: 'reserved' }),
      record({ serviceName: 'a', port: 31, protocol: 'tcp', description: 'a' }),
      record({ serviceName: 'b', port: 32, protocol: 'tcp', description: 'b' }),
      record({ serviceName: 'c', port: [6000, 6063], protocol: 'tcp', description: 'c' }),
      record({ serviceName: 'd', port: 65535, protocol: 'udp', description: 'd' }),
    ],
    people: [],
  },
]).assignments;

describe('AssignedPorts', () => {
  const assigned = new AssignedPorts(rows);

  it('finds the nearest assigned port below, across 32-port words, and none below the first', () => {
    expect(assigned.previous(32)).toBe(31);
    expect(assigned.previous(33)).toBe(32);
    expect(assigned.previous(5000)).toBe(32);
    expect(assigned.previous(6010)).toBe(6009);
    expect(assigned.previous(31)).toBeNull();
    expect(assigned.previous(0)).toBeNull();
  });

  it('finds the nearest assigned port above, up to the last port', () => {
    expect(assigned.next(0)).toBe(31);
    expect(assigned.next(31)).toBe(32);
    expect(assigned.next(33)).toBe(6000);
    expect(assigned.next(6063)).toBe(65535);
    expect(assigned.next(65535)).toBeNull();
  });
});
