import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../src/schema-file.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `pnpm --filter @portbook/api schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });
});
