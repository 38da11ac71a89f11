import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

describe.each(TEST_DATABASE_KINDS)('service and services on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  it('finds a service in any case with its assignments across protocols and ports', async () => {
    const { data } = await api.query(`{
      service(name: "SSH") {
        name
        ports { low high }
        assignments { totalCount nodes { protocol assignee { personId } } }
        tcp: assignments(protocol: TCP) { totalCount }
      }
    }`);
    expect(data).toEqual({
      service: {
        name: 'ssh',
        ports: [{ low: 22, high: 22 }],
        assignments: {
          totalCount: 3,
          nodes: [
            { protocol: 'TCP', assignee: { personId: 'IESG' } },
            { protocol: 'UDP', assignee: { personId: 'IESG' } },
            { protocol: 'SCTP', assignee: { personId: 'Randall_Stewart' } },
          ],
        },
        tcp: { totalCount: 1 },
      },
    });
  });

  it('links former and later names both ways and keeps each version', async () => {
    const { data } = await api.query(`{
      later: service(name: "whoispp") {
        name formerNames { name } laterNames { name }
        history { nodes { serviceName validFrom validTo } }
      }
      former: service(name: "whois++") {
        name laterNames { name }
        assignments { totalCount }
        history { nodes { serviceName validFrom validTo } }
      }
    }`);
    expect(data).toEqual({
      later: {
        name: 'whoispp',
        formerNames: [{ name: 'whois++' }],
        laterNames: [],
        history: { nodes: [{ serviceName: 'whoispp', validFrom: '2026-08-17', validTo: null }] },
      },
      former: {
        name: 'whois++',
        laterNames: [{ name: 'whoispp' }],
        assignments: { totalCount: 0 },
        history: {
          nodes: [{ serviceName: 'whois++', validFrom: '2020-01-08', validTo: '2026-08-17' }],
        },
      },
    });
  });

  it('shows a withdrawn service on a past date only', async () => {
    const { data } = await api.query(`{
      service(name: "chatter") {
        now: assignments { totalCount }
        past: assignments(at: "2024-01-01") { nodes { portRange { low } } }
      }
    }`);
    expect(data).toEqual({
      service: { now: { totalCount: 0 }, past: { nodes: [{ portRange: { low: 7000 } }] } },
    });
  });

  it('answers null for a name no record ever used', async () => {
    expect((await api.query(`{ service(name: "no-such-service") { name } }`)).data).toEqual({
      service: null,
    });
  });

  it('lists service names alphabetically with a count, filtered and paged', async () => {
    const all = await api.query<{
      services: { totalCount: number; nodes: { name: string }[]; pageInfo: { endCursor: string } };
    }>(`{ services(first: 3) { totalCount nodes { name } pageInfo { endCursor } } }`);
    expect(all.data?.services.totalCount).toBe(6);
    expect(all.data?.services.nodes.map((n) => n.name)).toEqual(['http', 'https', 'kerberos-adm']);
    const next = await api.query(
      `query($after: String) { services(first: 5, after: $after) { nodes { name } } }`,
      {
        after: all.data?.services.pageInfo.endCursor,
      },
    );
    expect(next.data).toEqual({
      services: { nodes: [{ name: 'ssh' }, { name: 'whoispp' }, { name: 'x11' }] },
    });
    const udp = await api.query(`{ services(filter: { protocols: [UDP] }) { nodes { name } } }`);
    expect(udp.data).toEqual({
      services: { nodes: [{ name: 'https' }, { name: 'ssh' }, { name: 'x11' }] },
    });
    const past = await api.query(
      `{ services(at: "2021-01-01", filter: { within: { low: 60, high: 7000 } }) { nodes { name } } }`,
    );
    expect(past.data).toEqual({
      services: {
        nodes: [
          { name: 'chatter' },
          { name: 'http' },
          { name: 'https' },
          { name: 'kerberos-adm' },
          { name: 'whois++' },
          { name: 'x11' },
        ],
      },
    });
  });
});
