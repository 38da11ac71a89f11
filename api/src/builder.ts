import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from './context.ts';
import { badUserInput } from './errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.ts';
import { timeBudgetPlugin } from './time-budget.ts';

/**
 * The most a request may cost: every field 1, a connection's selection times its page size, and
 * fields with real work priced above that (`nearestUnassigned`, histories, filters, search).
 * A page of 100 ports with everything a port page shows costs about 36,000.
 */
export const MAX_COMPLEXITY = 50_000;

/** The arguments a price reads, on a price function that says so (see `query-cost.ts`). */
export interface PriceReads {
  reads?: readonly string[];
}

/**
 * A connection's cost: `field` for its own work, its selection once per node of the page. It
 * reads only the page size, so a cost is worked out once per page size, whatever the other
 * arguments (a search's text) are.
 */
export function connectionCost(field: number) {
  const price = (args: { first?: number | null; last?: number | null }) => ({
    field,
    multiplier: args.first ?? args.last ?? DEFAULT_PAGE_SIZE,
  });
  return Object.assign(price, { reads: ['first', 'last'] } satisfies PriceReads);
}

export interface PortbookSchemaTypes {
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    PartialDate: { Input: string; Output: string };
    ID: { Input: string; Output: string | number };
  };
}

/** Configures Pothos only; every type and root field lives in its own file under `schema/`. */
export const builder = new SchemaBuilder<PortbookSchemaTypes>({
  plugins: [ComplexityPlugin, RelayPlugin, timeBudgetPlugin],
  defaultFieldNullability: false,
  complexity: {
    // Every field costs 1 and a list counts once (the page size already says how many); each
    // connection prices itself with `connectionCost` (its selection once per node of its page).
    // A constant default keeps Pothos from reading every field's arguments on every request.
    defaultComplexity: 1,
    defaultListMultiplier: 1,
    // The limit is checked before execution, once per document and page sizes (`query-cost.ts`),
    // not by Pothos in the root fields of every request.
    disabled: true,
  },
  relay: {
    clientMutationId: 'omit',
    // An id naming no object type (`foo:1`) is the client's mistake, not a schema error.
    decodeGlobalID: (globalID) => {
      const decoded = decodeGlobalID(globalID);
      const { configStore } = builder;
      const known =
        configStore.hasImplementation(decoded.typename) &&
        configStore.getTypeConfig(decoded.typename).graphqlKind === 'Object';
      if (!known) throw badUserInput(`Invalid global ID: ${globalID} names no type of this API`);
      return decoded;
    },
    cursorType: 'String',
    nodesOnConnection: true,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodesQueryOptions: {
      description: `Up to ${MAX_PAGE_SIZE} entities by global id, in the order asked; null for unknown ids.`,
      resolve: (_root, args, _context, _info, resolveNodes) => {
        if (args.ids.length > MAX_PAGE_SIZE) {
          throw badUserInput(
            `\`ids\` may hold at most ${MAX_PAGE_SIZE} ids (got ${args.ids.length})`,
          );
        }
        return resolveNodes(args.ids);
      },
    },
  },
});
