import { classesAt } from '@portbook/core';
import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from '../../test/fixtures/catalog.ts';
import { createPortIndex } from './port-index.ts';
import { createPortSpace } from './port-space.ts';

const catalog = fixtureCatalog();
const current = createPortIndex(catalog.assignments.filter((a) => a.validTo === null));
const space = createPortSpace((port) => current.rowsAt(port), classesAt('2026-11-26'));

describe('createPortSpace', () => {
  it('finds the nearest assigned ports on both sides', () => {
    expect(space.previousAssigned(443)).toBe(63);
    expect(space.nextAssigned(443)).toBe(6000);
    expect(space.nextAssigned(6000)).toBe(6001);
    expect(space.previousAssigned(22)).toBeUndefined();
    expect(space.nextAssigned(7000)).toBeUndefined();
  });

  it('puts a never-assigned port in the free block around it, cut at the class boundary', () => {
    expect(space.freeBlockOf(60000)).toEqual({ low: 49152, high: 65535 });
    expect(space.freeBlockOf(40000)).toEqual({ low: 6064, high: 49151 });
    expect(space.freeBlockOf(100)).toEqual({ low: 64, high: 442 });
  });

  it('counts unassigned ranges as free and reserved ports as taken', () => {
    expect(space.freeBlockOf(48700)).toEqual({ low: 6064, high: 49151 });
    expect(space.freeBlockOf(0)).toBeUndefined();
    expect(space.freeBlockOf(443)).toBeUndefined();
    expect(space.isAssigned(6063)).toBe(true);
    expect(space.isAssigned(15)).toBe(false);
  });
});

describe('createPortSpace: nearest free port', () => {
  const reserved = (port: number, status: 'reserved' | 'deassigned' | 'assigned') => ({
    ...catalog.assignments[0],
    portLow: port,
    portHigh: port,
    status,
    validTo: null,
  });
  const rows = new Map([
    [10, [reserved(10, 'assigned')]],
    [9, [reserved(9, 'deassigned')]],
    [11, [reserved(11, 'assigned')]],
  ]);
  const small = createPortSpace(
    (port) => (rows.get(port) ?? []) as never,
    [{ low: 0, high: 1023 }],
  );

  it('follows the free blocks: a de-assigned (Reserved) port is neither free nor nearest', () => {
    expect(small.freeBlockOf(9)).toBeUndefined();
    expect(small.nearestFreeTo(11)).toBe(12);
    expect(small.nearestFreeTo(10)).toBe(8);
    expect(small.nearestFreeTo(9)).toBe(8);
    expect(small.nearestFreeTo(500)).toBe(500);
    expect(small.freeBlocks).toEqual([
      { low: 0, high: 8 },
      { low: 12, high: 1023 },
    ]);
  });
});
