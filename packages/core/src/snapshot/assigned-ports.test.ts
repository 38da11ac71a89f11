import { describe, expect, it } from 'vitest';
import { record, snapshotRowsFrom } from '../testing.ts';
import { AssignedPorts } from './assigned-ports.ts';
import { validOn } from './validity.ts';

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

describe('AssignedPorts.through', () => {
  const history = snapshotRowsFrom([
    {
      id: 1,
      edition: 'iana:2019-01-01',
      published: '2019-01-01',
      records: [
        record({ serviceName: 'a', port: 31, protocol: 'tcp', description: 'a' }),
        record({ serviceName: 'c', port: [6000, 6063], protocol: 'tcp', description: 'c' }),
        record({ serviceName: 'c', port: [6000, 6063], protocol: 'udp', description: 'c' }),
      ],
      people: [],
    },
    {
      id: 2,
      edition: 'iana:2020-01-01',
      published: '2020-01-01',
      records: [
        record({
          serviceName: 'a',
          port: 31,
          protocol: 'tcp',
          description: 'a',
          status: 'reserved',
        }),
        record({ serviceName: 'c', port: [6000, 6063], protocol: 'udp', description: 'c' }),
        record({ serviceName: 'e', port: 40000, protocol: 'tcp', description: 'e' }),
      ],
      people: [],
    },
    {
      id: 3,
      edition: 'iana:2021-01-01',
      published: '2021-01-01',
      records: [record({ serviceName: 'e', port: 40000, protocol: 'tcp', description: 'e' })],
      people: [],
    },
  ]).assignments;
  const dates = [
    ...new Set(history.flatMap((row) => [row.validFrom, ...(row.validTo ? [row.validTo] : [])])),
  ].sort();

  it('gives each date the ports that date alone would (records counted in and out)', () => {
    expect(dates.length).toBeGreaterThanOrEqual(3);
    const swept = AssignedPorts.through(history, dates);
    for (const date of dates) {
      const alone = new AssignedPorts(history.filter((row) => validOn(row, date)));
      const ofDate = swept.get(date) as AssignedPorts;
      for (const port of [
        0, 30, 31, 32, 5999, 6000, 6030, 6063, 6064, 39999, 40000, 40001, 65535,
      ]) {
        expect([date, port, ofDate.previous(port), ofDate.next(port)]).toEqual([
          date,
          port,
          alone.previous(port),
          alone.next(port),
        ]);
      }
    }
    // The udp half of x11-like range c keeps 6000-6063 assigned after the tcp half goes.
    expect(swept.get('2020-01-01')?.next(5999)).toBe(6000);
    expect(swept.get('2020-01-01')?.previous(6000)).toBeNull();
  });
});
