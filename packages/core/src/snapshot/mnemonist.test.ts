import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder } from './mnemonist.ts';

describe('firstInOrder', () => {
  it('gives what sorting and slicing give, under a total order', () => {
    const byValueThenName = (a: [number, string], b: [number, string]) =>
      b[0] - a[0] || a[1].localeCompare(b[1]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.string()), {
          selector: ([, name]) => name,
        }),
        fc.integer({ min: -1, max: 12 }),
        (items, count) => {
          const sorted = [...items].sort(byValueThenName).slice(0, Math.max(0, count));
          expect(firstInOrder([...items], count, byValueThenName)).toEqual(sorted);
        },
      ),
    );
  });
});
