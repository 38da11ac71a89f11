import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { arrayConnection, offsetConnection, type PageArgs } from './pagination.ts';

/** A connection as a client reads it: every cursor asked for. */
function read(connection: {
  edges: readonly ({ cursor: string; node: unknown } | null)[];
  pageInfo: {
    startCursor?: string | null;
    endCursor?: string | null;
    hasPreviousPage: boolean;
    hasNextPage: boolean;
  };
}) {
  const { startCursor, endCursor, hasPreviousPage, hasNextPage } = connection.pageInfo;
  return {
    edges: connection.edges.map((edge) => edge && { cursor: edge.cursor, node: edge.node }),
    pageInfo: { startCursor, endCursor, hasPreviousPage, hasNextPage },
  };
}

const rows = Array.from({ length: 57 }, (_, i) => ({ id: i }));
const cursorAt = (offset: number) => Buffer.from(`OffsetConnection:${offset}`).toString('base64');
const pages: PageArgs[] = [
  {},
  { first: 0 },
  { first: 10 },
  { first: 100 },
  { first: 10, after: cursorAt(9) },
  { first: 10, after: cursorAt(50) },
  { first: 5, after: cursorAt(56) },
  { last: 7, before: cursorAt(30) },
  { first: 20, last: 3 },
  { last: 4, after: cursorAt(3), before: cursorAt(12) },
];

describe('offset connections', () => {
  it.each(pages)("page as Pothos's resolveArrayConnection does, cursors and all: %o", (args) => {
    const ours = arrayConnection(args, rows);
    const pothos = resolveArrayConnection({ args }, rows);
    expect(read(ours)).toEqual(read(pothos));
    expect(ours.totalCount).toBe(pothos.totalCount);
  });

  it.each(pages.filter((args) => args.last == null))(
    'page as resolveOffsetConnection does when only the window is loaded: %o',
    async (args) => {
      const load = ({ offset, limit }: { offset: number; limit: number }) =>
        rows.slice(offset, offset + limit);
      expect(read(offsetConnection(args, load))).toEqual(
        read(await resolveOffsetConnection({ args }, load)),
      );
    },
  );

  it('refuses pages above the cap and negative pages with BAD_USER_INPUT', () => {
    for (const args of [{ first: 101 }, { last: -1 }]) {
      expect(() => arrayConnection(args, rows)).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
      );
    }
  });
});
