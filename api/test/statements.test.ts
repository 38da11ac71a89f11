import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

/**
 * Pins how many SQL statements a request costs: none. Every request answers from the registry
 * snapshot in memory; the database is read only to build a snapshot (the first request waits
 * for it, so each query runs once first), and polling is off so no background read interleaves.
 */
describe.each(TEST_DATABASE_KINDS)('SQL statements per request on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind, { versionTtlMs: 0 });
  });
  afterAll(() => api?.close());

  async function statementsFor(query: string) {
    await api.query(query);
    api.resetStatements();
    const { data, errors } = await api.query(query);
    expect(errors).toBeUndefined();
    expect(data).toBeTruthy();
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
          history { nodes { kind occurred source { edition } before { serviceName } } }
          previousAssigned { number }
          nextAssigned { number }
          nearestUnassigned { number }
        }
      }
    }`);
    expect(count).toBe(0);
  });

  it('a full port(number:) lookup, today and on a past date', async () => {
    const count = await statementsFor(`{
      port(number: 22) {
        number status rangeClass { name }
        assignments { nodes { serviceName protocol description assignee { name } references { url } source { title } } }
        history { nodes { kind occurred source { title } } }
      }
      then: port(number: 22, at: "2021-01-01") { status assignments { nodes { serviceName } } }
    }`);
    expect(count).toBe(0);
  });

  it('services, search, changes, free blocks, sources and the registry', async () => {
    const count = await statementsFor(`{
      services(first: 100, filter: { text: "secure", person: "Stewart" }) {
        totalCount nodes { name ports { low } formerNames { name } laterNames { name } assignments { nodes { protocol } } }
      }
      search(query: "kerberos admin") { nodes { service { name } } }
      changes(first: 10) { nodes { kind occurred } }
      unassigned(first: 5) { totalCount nodes { low high } }
      sources { nodes { edition } }
      registry { updated recordCount lastSync { status } }
    }`);
    expect(count).toBe(0);
  });

  it('software defaults, conflicts, browser-blocked ports and a free port for the web', async () => {
    const count = await statementsFor(`{
      ports(first: 100) {
        nodes {
          commonUses { software { slug name } portRange { low high } protocols purpose setting citation { url title } }
          browserBlocked { since addedToStandard earlierInBrowsers { date } }
          softwareConflicts { software { slug } assignments { serviceName } }
          nearestUnassigned(web: true) { number }
        }
      }
      software(id: "kubernetes") { name uses { purpose } ports { low } conflicts { port { number } } }
      softwareList(first: 100) { totalCount nodes { slug uses { portRange { low } } } }
      softwareConflicts(first: 100) { totalCount nodes { port { number } software { slug } assignments { serviceName } } }
      unassigned(first: 5, web: true) { nodes { low high } }
      search(query: "ollama") { nodes { software { slug } service { name } } }
    }`);
    expect(count).toBe(0);
    const blocked = await statementsFor(`{
      browserBlockedPorts(first: 100) { totalCount nodes { port { number } since earlierInBrowsers { date } } }
    }`);
    expect(blocked).toBe(0);
  });

  it('the /services file, with common uses too', async () => {
    await api.yoga.fetch('http://portbook.test/services?uses=common');
    api.resetStatements();
    const response = await api.yoga.fetch('http://portbook.test/services?uses=common');
    expect(await response.text()).toMatch(/^ollama\s+11434\/tcp\s+# unofficial/m);
    expect(api.statements).toEqual([]);
  });

  it('the /services file', async () => {
    await api.yoga.fetch('http://portbook.test/services?protocol=tcp');
    api.resetStatements();
    const response = await api.yoga.fetch('http://portbook.test/services?protocol=tcp');
    expect(await response.text()).toMatch(/^ssh\s+22\/tcp/m);
    expect(api.statements).toEqual([]);
  });
});
