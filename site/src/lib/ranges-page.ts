import {
  type PortRange,
  type RangeClassDefinition,
  REGISTRY_EVENTS,
  type RegistryEvent,
  type RegistrySnapshot,
} from '@portbook/core';
import { rangeHistoryChart } from './charts/range-history.ts';

export interface FreeBlockRow extends PortRange {
  size: number;
  className: string;
}

/** The /ranges/ page: classes today and through history, ephemeral ranges, free blocks. */
export interface RangesPage {
  today: RangeClassDefinition[];
  history: RangeClassDefinition[];
  events: readonly RegistryEvent[];
  ephemeral: readonly RangeClassDefinition[];
  chart: string;
  freeBlocks: FreeBlockRow[];
  freeByClass: { className: string; ports: number; blocks: number }[];
}

/** Today's free blocks class by class, lowest first: none straddles User and Dynamic Ports. */
export function freeBlocksByClass(snapshot: RegistrySnapshot, today: string): PortRange[] {
  return snapshot.rangeClasses(today).flatMap((rangeClass) => snapshot.freeBlocks(rangeClass));
}

export function buildRangesPage(snapshot: RegistrySnapshot, today: string): RangesPage {
  const current = [...snapshot.rangeClasses(today)];
  const className = (block: PortRange) =>
    current.find((c) => c.low <= block.low && block.high <= c.high)?.name ??
    'outside today’s classes';
  const rows = freeBlocksByClass(snapshot, today).map((block) => ({
    ...block,
    size: block.high - block.low + 1,
    className: className(block),
  }));
  const everyClass = snapshot.rangeClasses();
  return {
    today: current,
    history: [...everyClass].sort(
      (a, b) => a.validFrom.localeCompare(b.validFrom) || a.low - b.low,
    ),
    events: REGISTRY_EVENTS,
    ephemeral: snapshot.ephemeralRanges(),
    chart: rangeHistoryChart(everyClass, today),
    freeBlocks: rows,
    freeByClass: current.map((c) => {
      const inClass = rows.filter((row) => row.className === c.name);
      return {
        className: c.name,
        ports: inClass.reduce((sum, row) => sum + row.size, 0),
        blocks: inClass.length,
      };
    }),
  };
}
