import SchemaBuilder from '@pothos/core';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from './context.ts';
import { badUserInput } from './errors.ts';
import { MAX_PAGE_SIZE } from './pagination.ts';

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
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
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
