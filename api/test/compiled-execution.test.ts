import type { ExecutionResult } from 'graphql';
import { createYoga } from 'graphql-yoga';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledOperations, compiledExecutionPlugin } from '../src/compiled-execution.ts';
import { snapshotContext } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';
import { openTestApi, type TestApi } from './harness.ts';

/** Operations of every shape the schema has: lists, connections, interfaces, directives, dates. */
const OPERATIONS: { query: string; variables: Record<string, unknown>[] }[] = [
  {
    query: `query Port($number: Int!, $at: Date) { port(number: $number, at: $at) { id number status
      rangeClass { name low high } previousAssigned { number } nextAssigned { number }
      nearestUnassigned { number }
      assignments { totalCount nodes { serviceName protocol portRange { low high } description
        status validFrom validTo assignee { name } references { type data url } source { edition } } }
      history(first: 5) { totalCount nodes { kind occurred serviceName source { title published } } } } }`,
    variables: [22, 0, 80, 6010, 6063, 49152, 65535, 1, 7].flatMap((number) => [
      { number },
      { number, at: '1994-10-20' },
    ]),
  },
  {
    query: `query Service($name: String!) { service(name: $name) { name ports { low high }
      formerNames { name } laterNames { name }
      assignments { nodes { protocol portRange { low high } description status } } } }`,
    variables: ['ssh', 'SSH', 'x11', 'whoispp', 'http', 'no-such-service'].map((name) => ({
      name,
    })),
  },
  {
    query: `query Search($query: String!, $withService: Boolean!) { search(query: $query, first: 5) {
      totalCount nodes { score reason port { number } portRange { low high }
        service @include(if: $withService) { name } } } }`,
    variables: ['ssh', 'secure shel', '6000-6010', '22', 'x1', 'kerberos'].flatMap((query) => [
      { query, withService: true },
      { query, withService: false },
    ]),
  },
  {
    query: `query Node($id: ID!) { node(id: $id) { __typename ... on Port { number status } } }`,
    variables: [{ id: 'UG9ydDoyMg==' }, { id: 'bm90aGluZw==' }],
  },
];

/** Notes, for each request, whether it ran compiled. */
class NotedOperations extends CompiledOperations {
  readonly compiled: boolean[] = [];

  override of(...args: Parameters<CompiledOperations['of']>) {
    const compiled = super.of(...args);
    this.compiled.push(compiled !== undefined);
    return compiled;
  }
}

/** Yoga with only the plugin under test, or none. */
function serverOver(context: () => unknown, operations?: CompiledOperations) {
  const yoga = createYoga({
    schema,
    context,
    logging: false,
    maskedErrors: false,
    plugins: operations ? [compiledExecutionPlugin(operations)] : [],
  });
  return async (query: string, variables: Record<string, unknown>) => {
    const response = await yoga.fetch('http://portbook.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as ExecutionResult;
  };
}

describe('compiled execution', () => {
  let api: TestApi;
  let interpreted: ReturnType<typeof serverOver>;
  let operations: NotedOperations;
  let request: ReturnType<typeof serverOver>;

  beforeAll(async () => {
    api = await openTestApi('pglite', { logger: pino({ level: 'silent' }) });
    const snapshot = await api.yoga.registry.snapshot();
    interpreted = serverOver(() => snapshotContext(snapshot));
    operations = new NotedOperations(schema);
    request = serverOver(() => snapshotContext(snapshot), operations);
  });
  afterAll(() => api?.close());

  it('compiles a document on its second use, and answers as the interpreting executor does', async () => {
    for (const { query, variables } of OPERATIONS) {
      operations.compiled.length = 0;
      for (const values of variables) {
        expect(await request(query, values), JSON.stringify(values)).toEqual(
          await interpreted(query, values),
        );
      }
      expect(operations.compiled).toEqual(variables.map((_, i) => i > 0));
    }
  });

  it('compiles nothing for documents sent once', async () => {
    operations.compiled.length = 0;
    for (let number = 0; number < 20; number++) {
      await request(`{ port(number: ${number}) { number status } }`, {});
    }
    expect(operations.compiled).toEqual(Array(20).fill(false));
  });

  it("says what is wrong with a compiled document's variables in the interpreting executor's words", async () => {
    const query = 'query At($at: Date!) { port(number: 22, at: $at) { status } }';
    await request(query, { at: '2020-01-01' });
    await request(query, { at: '2020-01-01' });
    operations.compiled.length = 0;
    for (const at of ['2026-02-30', 'yesterday', 20200101]) {
      const answer = await request(query, { at });
      expect(answer).toEqual(await interpreted(query, { at }));
      expect(answer.errors?.[0]?.message).toMatch(/^Variable "\$at" got invalid value/);
    }
    expect((await request(query, { at: '2026-02-30' })).errors?.[0]?.message).toContain(
      'YYYY-MM-DD',
    );
    expect(operations.compiled).toEqual([false, false, false, false]);
  });
});
