import {
  classesAt,
  EPHEMERAL_RANGES,
  IANA_RANGE_CLASSES,
  type PortRange,
  type RangeClassDefinition,
  REGISTRY_EVENTS,
  type RegistryEvent,
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

export function buildRangesPage(freeBlocks: readonly PortRange[], today: string): RangesPage {
  const current = classesAt(today);
  const className = (block: PortRange) =>
    current.find((c) => c.low <= block.low && block.high <= c.high)?.name ??
    'outside today’s classes';
  const rows = freeBlocks.map((block) => ({
    ...block,
    size: block.high - block.low + 1,
    className: className(block),
  }));
  return {
    today: current,
    history: [...IANA_RANGE_CLASSES].sort(
      (a, b) => a.validFrom.localeCompare(b.validFrom) || a.low - b.low,
    ),
    events: REGISTRY_EVENTS,
    ephemeral: EPHEMERAL_RANGES,
    chart: rangeHistoryChart(IANA_RANGE_CLASSES, today),
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
