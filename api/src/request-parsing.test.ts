import { describe, expect, it } from 'vitest';
import { assertGraphQLParams, MAX_VARIABLE_DEPTH, nestsDeeperThan } from './request-parsing.ts';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = level % 2 ? { v: value } : [value];
  return value;
};

const codeOf = (params: unknown) => {
  try {
    assertGraphQLParams(params);
    return 'ok';
  } catch (error) {
    return (error as { extensions: { code: string; http: { status: number } } }).extensions;
  }
};

describe('nestsDeeperThan', () => {
  it('counts objects and arrays alike, at any width, without recursion', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan(nested(200_000), 16)).toBe(true);
    expect(nestsDeeperThan({ a: 1, b: [1, 2], c: { d: 'x' } }, 2)).toBe(false);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(undefined, 0)).toBe(false);
  });
});

describe('assertGraphQLParams', () => {
  it('accepts a query, or a persisted query without one', () => {
    expect(codeOf({ query: '{ __typename }', variables: nested(MAX_VARIABLE_DEPTH) })).toBe('ok');
    expect(codeOf({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f' } } })).toBe('ok');
  });

  it('refuses what is not an operation with 400 BAD_REQUEST', () => {
    for (const params of [
      null,
      5,
      [],
      'query',
      {},
      { query: 0 },
      { query: false },
      { query: {} },
    ]) {
      expect(codeOf(params), JSON.stringify(params)).toEqual({
        code: 'BAD_REQUEST',
        http: { status: 400 },
      });
    }
  });

  it('refuses variables nested too deep with 400 BAD_USER_INPUT', () => {
    expect(codeOf({ query: '{ __typename }', variables: nested(MAX_VARIABLE_DEPTH + 1) })).toEqual({
      code: 'BAD_USER_INPUT',
      http: { status: 400 },
    });
  });
});
