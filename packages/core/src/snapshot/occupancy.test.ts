import { describe, expect, it } from 'vitest';
import type { Status } from '../model.ts';
import { Occupancy } from './occupancy.ts';
import type { AssignmentRow } from './rows.ts';

/** A current record of `status` holding `low`-`high` on tcp. */
function holding(low: number, high: number, status: Status = 'assigned'): AssignmentRow {
  return {
    id: `${low}-${high}`,
    versionId: low,
    lineage: `${low}`,
    serviceName: null,
    portLow: low,
    portHigh: high,
    protocol: 'tcp',
    description: null,
    assigneeId: null,
    contactId: null,
    registered: null,
    modified: null,
    references: [],
    serviceCode: null,
    unauthorizedUse: null,
    notes: null,
    status,
    firstSourceId: 1,
    lastSourceId: 1,
    validFrom: '2026-01-01',
    validTo: null,
    position: low,
  };
}

describe('Occupancy.freeBlocks', () => {
  const occupancy = new Occupancy([
    holding(10, 20),
    holding(15, 30, 'reserved'),
    holding(31, 31, 'deassigned'),
    holding(40, 40, 'removed'),
    holding(45, 47, 'unassigned'),
  ]);

  it('returns the maximal free runs inside the window, Unassigned records free', () => {
    expect(occupancy.freeBlocks({ low: 0, high: 50 })).toEqual([
      { low: 0, high: 9 },
      { low: 32, high: 39 },
      { low: 41, high: 50 },
    ]);
  });

  it('keeps only blocks of the asked length', () => {
    expect(occupancy.freeBlocks({ low: 0, high: 50 }, 10)).toEqual([
      { low: 0, high: 9 },
      { low: 41, high: 50 },
    ]);
    expect(occupancy.freeBlocks({ low: 12, high: 31 })).toEqual([]);
  });

  it('counts a port free on a protocol no record claims', () => {
    expect(occupancy.freeBlocks({ low: 8, high: 12 }, 1, ['udp'])).toEqual([{ low: 8, high: 12 }]);
  });
});

describe('Occupancy.nearestFree', () => {
  it('returns the port itself when free, else the closest free port, the lower on a tie', () => {
    const occupancy = new Occupancy([holding(10, 20)]);
    expect(occupancy.nearestFree(5)).toBe(5);
    expect(occupancy.nearestFree(12)).toBe(9);
    expect(occupancy.nearestFree(18)).toBe(21);
    expect(occupancy.nearestFree(15)).toBe(9);
    expect(new Occupancy([holding(0, 3)]).nearestFree(0)).toBe(4);
    expect(new Occupancy([holding(65530, 65535)]).nearestFree(65535)).toBe(65529);
    expect(new Occupancy([holding(0, 65535)]).nearestFree(7)).toBeNull();
  });
});
