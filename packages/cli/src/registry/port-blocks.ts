import { PORT_MAX, type PortBlocks, type Spans } from '@portbook/core/reader';

/** Rows split by the blocks of ports their spans meet, each row stored once. */
export interface SplitRows<Row> {
  /** Rows meeting one block only, in that block, in the order given. */
  blocks: Row[][];
  /** Rows meeting more than one block (a range across a boundary, a port moved far). */
  spanning: Row[];
  /** Rows without a port (a service name alone). */
  portless: Row[];
}

/** The blocks of `size` ports `spans` meet, ascending, each once. */
function blocksMet(spans: Spans, size: number): number[] {
  const met = new Set<number>();
  for (const [low, high] of spans) {
    for (let block = Math.floor(low / size); block <= Math.floor(high / size); block++) {
      met.add(block);
    }
  }
  return [...met].sort((a, b) => a - b);
}

/** `rows` by the blocks of `size` ports (a divisor of 65,536) their spans meet. */
export function splitByBlock<Row>(
  rows: readonly Row[],
  size: number,
  spansOf: (row: Row) => Spans,
): SplitRows<Row> {
  const split: SplitRows<Row> = {
    blocks: Array.from({ length: (PORT_MAX + 1) / size }, (): Row[] => []),
    spanning: [],
    portless: [],
  };
  for (const row of rows) {
    const met = blocksMet(spansOf(row), size);
    if (met.length === 0) split.portless.push(row);
    else if (met.length > 1) split.spanning.push(row);
    else split.blocks[met[0] as number]?.push(row);
  }
  return split;
}

/**
 * Reads split rows back a block at a time: block `index` is its own rows and the spanning rows
 * meeting it, in `order`, built once (the same objects every time).
 */
export function joinedBlocks<Row>(
  size: number,
  parts: { block(index: number): readonly Row[]; spanning(): readonly Row[] },
  spansOf: (row: Row) => Spans,
  order: (a: Row, b: Row) => number,
): PortBlocks<Row> {
  const joined: (readonly Row[] | undefined)[] = [];
  return {
    size,
    block(index) {
      joined[index] ??= [
        ...parts.block(index),
        ...parts.spanning().filter((row) => blocksMet(spansOf(row), size).includes(index)),
      ].sort(order);
      return joined[index];
    },
  };
}
