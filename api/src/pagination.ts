import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import { badUserInput } from './errors.ts';

/** The largest page any connection returns; asking for more is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}

/** Rejects page sizes above the cap or below zero with `BAD_USER_INPUT`. */
export function checkPageArgs<T extends PageArgs>(args: T): T {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size == null) continue;
    if (size < 0) throw badUserInput(`\`${name}\` must not be negative (got ${size})`);
    if (size > MAX_PAGE_SIZE) {
      throw badUserInput(
        `\`${name}\` must be at most ${MAX_PAGE_SIZE} (got ${size}); page with \`after\``,
      );
    }
  }
  return args;
}

/** Opaque cursors: base64url of `kind:value`, so a cursor from one list is refused by another. */
export function encodeCursor(kind: string, value: string | number): string {
  return Buffer.from(`${kind}:${value}`).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(`${kind}:`))
    throw badUserInput(`unknown cursor ${JSON.stringify(cursor)}`);
  return decoded.slice(kind.length + 1);
}

/**
 * An edge whose cursor is written only when a client reads it: most read `nodes`, and writing
 * one for every row was about a fifth of a port lookup's own resolver time (CPU profile of port
 * lookups stepping through the port space). `write` makes the cursor of the node at `index`.
 */
class LazyEdge<Node> {
  readonly node: Node;
  readonly #index: number;
  readonly #write: (node: Node, index: number) => string;
  constructor(node: Node, index: number, write: (node: Node, index: number) => string) {
    this.node = node;
    this.#index = index;
    this.#write = write;
  }
  get cursor(): string {
    return this.#write(this.node, this.#index);
  }
}

/** Pothos's offset cursor (`OffsetConnection:n`, base64) of the node at an offset. */
const offsetCursor = (_node: unknown, offset: number) => offsetToCursor(offset);

/** A page's bounds as Pothos reports them; its cursors, likewise, written when read. */
class OffsetPageInfo {
  readonly #offset: number;
  readonly #size: number;
  readonly hasPreviousPage: boolean;
  readonly hasNextPage: boolean;
  constructor(offset: number, size: number, hasPreviousPage: boolean, hasNextPage: boolean) {
    this.#offset = offset;
    this.#size = size;
    this.hasPreviousPage = hasPreviousPage;
    this.hasNextPage = hasNextPage;
  }
  // As Pothos writes them, an empty page's too.
  get startCursor(): string {
    return offsetToCursor(this.#offset);
  }
  get endCursor(): string {
    return offsetToCursor(this.#offset + this.#size - 1);
  }
}

interface OffsetConnection<Node> {
  edges: LazyEdge<Node>[];
  pageInfo: OffsetPageInfo;
}

function offsetPage<Node>(
  page: ReturnType<typeof offsetForArgs>,
  rows: readonly Node[],
): OffsetConnection<Node> {
  const size = Math.min(rows.length, page.expectedSize);
  const edges = new Array<LazyEdge<Node>>(size);
  for (let index = 0; index < size; index++) {
    edges[index] = new LazyEdge(rows[index] as Node, page.offset + index, offsetCursor);
  }
  return {
    edges,
    pageInfo: new OffsetPageInfo(
      page.offset,
      size,
      page.hasPreviousPage,
      page.hasNextPage(rows.length),
    ),
  };
}

/**
 * Pages a list in memory by offset: Pothos's `resolveArrayConnection` (its page arithmetic and
 * cursors, so cursors stay valid across versions), with our page-size cap and cursors written
 * only when read.
 */
export function arrayConnection<Node>(
  args: PageArgs,
  array: readonly Node[],
): OffsetConnection<Node> & { totalCount: number } {
  checkPageArgs(args);
  const page = offsetForArgs({ args, totalCount: array.length });
  const connection = offsetPage(page, array.slice(page.offset, page.offset + page.limit));
  return { ...connection, totalCount: array.length };
}

/** The same when only the rows of the page (and one more) are worked out: `resolveOffsetConnection`. */
export function offsetConnection<Node>(
  args: PageArgs,
  load: (window: { offset: number; limit: number }) => readonly Node[],
): OffsetConnection<Node> {
  checkPageArgs(args);
  const page = offsetForArgs({ args });
  return offsetPage(page, load({ offset: page.offset, limit: page.limit }));
}

export interface KeysetPage<Key> {
  limit: number;
  after?: Key | undefined;
  before?: Key | undefined;
  /** Take the rows just before `before` (for `last`); rows still come back in list order. */
  fromEnd: boolean;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: {
    startCursor: string | null;
    endCursor: string | null;
    hasPreviousPage: boolean;
    hasNextPage: boolean;
  };
  totalCount: () => Promise<number> | number;
}

/** A keyset page's bounds; its cursors are its first and last edges', written when read. */
class KeysetPageInfo<Node> {
  readonly #edges: readonly LazyEdge<Node>[];
  readonly hasPreviousPage: boolean;
  readonly hasNextPage: boolean;
  constructor(edges: readonly LazyEdge<Node>[], hasPreviousPage: boolean, hasNextPage: boolean) {
    this.#edges = edges;
    this.hasPreviousPage = hasPreviousPage;
    this.hasNextPage = hasNextPage;
  }
  get startCursor(): string | null {
    return this.#edges[0]?.cursor ?? null;
  }
  get endCursor(): string | null {
    return this.#edges.at(-1)?.cursor ?? null;
  }
}

/**
 * A Relay connection over a keyset-ordered list: one extra row tells whether another page
 * follows; `totalCount` runs only when a client asks for it.
 */
export async function keysetConnection<Node, Key>(
  args: PageArgs,
  options: {
    cursor: { kind: string; of: (node: Node) => string | number; parse: (value: string) => Key };
    load: (page: KeysetPage<Key>) => Promise<Node[]> | Node[];
    totalCount: () => Promise<number> | number;
  },
): Promise<Connection<Node>> {
  checkPageArgs(args);
  const { kind, of, parse } = options.cursor;
  const after = args.after ? parse(decodeCursor(kind, args.after)) : undefined;
  const before = args.before ? parse(decodeCursor(kind, args.before)) : undefined;
  const fromEnd = args.last != null && args.first == null;
  const size = (fromEnd ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const rows = await options.load({ limit: size + 1, after, before, fromEnd });
  const more = rows.length > size;
  const nodes = more ? (fromEnd ? rows.slice(1) : rows.slice(0, size)) : rows;
  const cursor = (node: Node) => encodeCursor(kind, of(node));
  const edges = nodes.map((node, index) => new LazyEdge(node, index, cursor));
  return {
    edges,
    pageInfo: new KeysetPageInfo(
      edges,
      fromEnd ? more : after !== undefined,
      fromEnd ? before !== undefined : more,
    ),
    totalCount: options.totalCount,
  };
}

/** Pages a list already in memory with the same keyset semantics. */
export function pageInMemory<Node, Key extends string | number>(
  nodes: readonly Node[],
  keyOf: (node: Node) => Key,
  page: KeysetPage<Key>,
): Node[] {
  const inRange = nodes.filter((node) => {
    const key = keyOf(node);
    return (
      (page.after === undefined || key > page.after) &&
      (page.before === undefined || key < page.before)
    );
  });
  return page.fromEnd ? inRange.slice(-page.limit) : inRange.slice(0, page.limit);
}

/** Parses the value of an integer cursor (a port number), refusing anything else. */
export function integerCursor(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number))
    throw badUserInput(`unknown cursor value ${JSON.stringify(value)}`);
  return number;
}

/** `totalCount` of any connection here: a number, or a count run only when asked for. */
export function countOf(connection: {
  totalCount?: number | (() => Promise<number> | number) | undefined;
}): Promise<number> | number {
  const total = connection.totalCount;
  return typeof total === 'function' ? total() : (total ?? 0);
}

/** A keyset page of an ascending array of numbers, found by binary search. */
export function pageSortedNumbers(numbers: ArrayLike<number>, page: KeysetPage<number>): number[] {
  const firstAbove = (key: number) => {
    let low = 0;
    let high = numbers.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((numbers[middle] as number) <= key) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const start = page.after === undefined ? 0 : firstAbove(page.after);
  const end = page.before === undefined ? numbers.length : firstAbove(page.before - 1);
  const from = page.fromEnd ? Math.max(start, end - page.limit) : start;
  const to = page.fromEnd ? end : Math.min(end, start + page.limit);
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => numbers[from + i] as number);
}
