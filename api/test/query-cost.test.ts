import { complexityFromQuery } from '@pothos/plugin-complexity';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QueryCosts } from '../src/query-cost.ts';
import { schema } from '../src/schema/index.ts';

const PAGE = `query Page($first: Int, $number: Int!) {
  ports(first: $first) { nodes { number nearestUnassigned { number } } }
  port(number: $number) { number history(first: 20) { nodes { kind } } }
}`;

const pothosCost = (query: string, variables: Record<string, unknown>) =>
  complexityFromQuery(query, { schema, variables }).complexity;

describe('query cost', () => {
  it("is Pothos' cost of the operation, for each page size asked", () => {
    const costs = new QueryCosts(schema);
    const document = parse(PAGE);
    for (const first of [1, 100, 7, 1, 100]) {
      for (const number of [22, 6010]) {
        const variables = { first, number };
        expect(costs.costOf(document, 'Page', variables), `first ${first}`).toBe(
          pothosCost(PAGE, variables),
        );
      }
    }
    expect(costs.costOf(document, 'Page', { first: 100, number: 1 })).toBeGreaterThan(
      costs.costOf(document, 'Page', { first: 1, number: 1 }) as number,
    );
  });

  it('tells a variable left out (its default applies) from one given as null', () => {
    const query = 'query Page($first: Int = 100) { ports(first: $first) { nodes { number } } }';
    const costs = new QueryCosts(schema);
    const document = parse(query);
    expect(costs.costOf(document, undefined, { first: null })).toBe(
      pothosCost(query, { first: null }),
    );
    expect(costs.costOf(document, undefined, {})).toBe(pothosCost(query, {}));
    expect(costs.costOf(document, undefined, {})).not.toBe(
      costs.costOf(document, undefined, { first: null }),
    );
  });

  it('prices the operation named, not the first of the document', () => {
    const query = `query Small { port(number: 22) { number } }
      query Large { ports(first: 100) { nodes { nearestUnassigned { number } } } }`;
    const costs = new QueryCosts(schema);
    const document = parse(query);
    expect(costs.costOf(document, 'Large', {})).toBe(
      pothosCost('{ ports(first: 100) { nodes { nearestUnassigned { number } } } }', {}),
    );
    expect(costs.costOf(document, 'Small', {})).toBe(
      pothosCost('{ port(number: 22) { number } }', {}),
    );
  });

  it('leaves an unknown operation or variables that do not coerce to execution', () => {
    const costs = new QueryCosts(schema);
    expect(costs.costOf(parse(PAGE), 'Other', {})).toBeUndefined();
    expect(costs.costOf(parse(PAGE), 'Page', { first: 'many', number: 1 })).toBeUndefined();
  });
});

describe('the cost limit', () => {
  it('refuses an operation above it, and only such', () => {
    const costs = new QueryCosts(schema);
    const page = parse(
      'query Page($first: Int) { ports(first: $first) { nodes { nearestUnassigned { number } } } }',
    );
    expect(costs.refusal(page, undefined, { first: 10 })).toBeUndefined();
    const aliases = parse(
      `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ports(first: 100) { nodes { nearestUnassigned { number } } }`).join(' ')} }`,
    );
    const refusal = costs.refusal(aliases, undefined, {});
    expect(refusal?.message).toMatch(/^the query costs \d+, above the limit of 50000/);
    expect(refusal?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
