import { relations } from '@portbook/db';
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Context } from './context.ts';

export interface PortbookSchemaTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
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
  plugins: [RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  drizzle: {
    client: (context) => context.db,
    getTableConfig,
    relations,
    maxConnectionSize: 100,
  },
});
