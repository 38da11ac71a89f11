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

describe('the time budget', () => {
  it("is checked around every resolver but graphql's default one", () => {
    const port = schema.getType('Port');
    if (!isObjectType(port)) throw new Error('Port is an object type');
    const fields = port.getFields();
    // `number` is read off the parent: graphql's default resolver, no wrapper.
    expect(fields.number?.resolve).toBeUndefined();
    const past = { deadline: 0 };
    expect(() => fields.status?.resolve?.({ number: 22 }, {}, past, {} as never)).toThrow(
      /time budget/,
    );
  });
});
