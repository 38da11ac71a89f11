import type { Spans } from '@portbook/core/reader';
import { describe, expect, it } from 'vitest';
import { joinedBlocks, splitByBlock } from './port-blocks.ts';

interface Row {
  id: string;
  spans: Spans;
}

const row = (id: string, ...spans: [number, number][]): Row => ({ id, spans });
const spansOf = (r: Row) => r.spans;
const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('rows split by blocks of ports', () => {
  const rows = [
    row('a', [1, 1]),
    row('b', [6, 10]),
    row('c', [3, 3], [25, 25]),
    row('d'),
    row('e', [17, 18]),
  ];
  const split = splitByBlock(rows, 8, spansOf);

  it('stores a row once: in its only block, with the spanning ones, or with the portless', () => {
    const ids = split.blocks.map((block) => block.map((r) => r.id));
    expect(ids.slice(0, 4)).toEqual([['a'], [], ['e'], []]);
    expect(ids.slice(4).flat()).toEqual([]);
    expect(split.spanning.map((r) => r.id)).toEqual(['b', 'c']);
    expect(split.portless.map((r) => r.id)).toEqual(['d']);
  });

  it('reads a block back with the spanning rows meeting it, the same objects each time', () => {
    const blocks = joinedBlocks(
      8,
      { block: (index) => split.blocks[index] ?? [], spanning: () => split.spanning },
      spansOf,
      byId,
    );
    const ids = (index: number) => blocks.block(index).map((r) => r.id);
    expect([ids(0), ids(1), ids(2), ids(3)]).toEqual([['a', 'b', 'c'], ['b'], ['e'], ['c']]);
    // A port moved far (3 to 25) meets blocks 0 and 3, not the two between them.
    expect(blocks.block(0)[2]).toBe(blocks.block(3)[0]);
    expect(blocks.block(1)).toBe(blocks.block(1));
  });
});
