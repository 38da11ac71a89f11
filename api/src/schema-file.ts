import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './schema/index.ts';

/** The committed SDL, for clients and reviewers; regenerate with `pnpm --filter @portbook/api schema`. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export function schemaText(): string {
  return `${printSchema(schema)}\n`;
}
