import { readFileSync } from 'node:fs';
import { getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';
import { SCHEMA_FILE, schemaText } from '../src/schema-file.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `pnpm --filter @portbook/api schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });
});

describe('query cost', () => {
  it('prices every connection by its page size (fields without a price cost 1 each)', () => {
    const unpriced: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const connection = getNamedType(field.type).name.endsWith('Connection');
        if (connection && typeof field.extensions.complexity !== 'function')
          unpriced.push(`${type.name}.${field.name}`);
      }
    }
    expect(unpriced).toEqual([]);
  });
});
