import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

/**
 * Pins how many SQL statements a request costs, so an N+1 shows up as a failing test. The
 * registry version and the per-version reference data (range classes, sources) are read once
 * per registry version, so each query runs once first to warm them.
 */
describe.each(TEST_DATABASE_KINDS)('SQL statements per request on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  async function statementsFor(query: string) {
    // Warm: the registry version and the per-version reference data (classes, sources) are read.
    await api.query(query);
    api.resetStatements();
    const { errors } = await api.query(query);
    expect(errors).toBeUndefined();
    return api.statements.length;
  }

  it('a page of 100 ports with assignments, people, sources, range classes and history', async () => {
    const count = await statementsFor(`{
      ports(first: 100) {
        totalCount
        nodes {
          number status
          rangeClass { name }
          assignments { nodes { serviceName protocol assignee { name } contact { name } source { edition } } }
          history { nodes { kind occurred source { edition } } }
          previousAssigned { number }
          nextAssigned { number }
        }
      }
    }`);
    // The page, its count, assignments, history, neighbours and people: one each, whatever the size.
    expect(count).toBe(6);
  });

  it('the same page with 10 ports costs the same', async () => {
    const count = await statementsFor(`{
      ports(first: 10) {
        totalCount
        nodes {
          number status
          rangeClass { name }
          assignments { nodes { serviceName protocol assignee { name } contact { name } source { edition } } }
          history { nodes { kind occurred source { edition } } }
          previousAssigned { number }
          nextAssigned { number }
        }
      }
    }`);
    expect(count).toBe(6);
  });

  it('a full port(number:) lookup', async () => {
    const count = await statementsFor(`{
      port(number: 22) {
        number status rangeClass { name }
        assignments { nodes { serviceName protocol description assignee { name } references { url } source { title } } }
        history { nodes { kind occurred source { title } } }
      }
    }`);
    // Assignments, history and people.
    expect(count).toBe(3);
  });

  it('services with their assignments and other names', async () => {
    const count = await statementsFor(`{
      services(first: 100) { nodes { name ports { low } formerNames { name } laterNames { name } assignments { nodes { protocol } } } }
    }`);
    // The page of names, their assignments and their name links.
    expect(count).toBe(3);
  });
});
