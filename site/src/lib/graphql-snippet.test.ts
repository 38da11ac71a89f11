import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { portQuery } from './graphql-snippet.ts';

const SCHEMA = new URL('../../../api/schema.graphql', import.meta.url);

describe('portQuery', () => {
  it('is a valid query against the API schema', () => {
    const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
    expect(validate(schema, parse(portQuery(443))).map((error) => error.message)).toEqual([]);
  });
});
