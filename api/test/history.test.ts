import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

describe.each(TEST_DATABASE_KINDS)('history and the change feed on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  it("tells a port's timeline oldest first, with the document of each event", async () => {
    const { data } = await api.query<{
      port: { history: { totalCount: number; nodes: Record<string, unknown>[] } };
    }>(`{
      port(number: 63) {
        history {
          totalCount
          nodes {
            kind occurred origin evidence serviceName
            source { edition }
            fields { field before after }
          }
        }
      }
    }`);
    const nodes = data?.port.history.nodes ?? [];
    expect(nodes[0]).toMatchObject({
      kind: 'ADDED',
      occurred: '2020-01-08',
      serviceName: 'whois++',
      source: { edition: 'iana:2020-01-08' },
    });
    expect(nodes).toContainEqual(
      expect.objectContaining({
        kind: 'RENAMED',
        origin: 'diff',
        occurred: '2026-08-17',
        source: { edition: 'iana:2026-08-17' },
        fields: expect.arrayContaining([
          { field: 'serviceName', before: '"whois++"', after: '"whoispp"' },
        ]),
      }),
    );
    // IANA's note on the rename is its evidence, not a second rename.
    const renames = nodes.filter((n) => n.kind === 'RENAMED');
    expect(renames.map((n) => [n.origin, n.evidence])).toEqual([
      [
        'diff',
        'This entry is an alias to "whois++". This entry is now the replacement for "whois++".',
      ],
    ]);
    const dates = nodes.map((n) => n.occurred as string);
    expect(dates).toEqual([...dates].sort());
  });

  it('includes the history of a range that contains the port', async () => {
    const { data } = await api.query(
      `{ port(number: 6010) { history { nodes { kind serviceName portRange { low high } } } } }`,
    );
    expect(data).toEqual({
      port: {
        history: {
          nodes: [
            { kind: 'ADDED', serviceName: 'x11', portRange: { low: 6000, high: 6063 } },
            { kind: 'ADDED', serviceName: 'x11', portRange: { low: 6000, high: 6063 } },
          ],
        },
      },
    });
  });

  it('feeds changes newest first, filtered by date, kind, port and name, paged forward', async () => {
    const latest = await api.query<{
      changes: {
        totalCount: number;
        nodes: { occurred: string }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(
      `{ changes(since: "2026-01-01", first: 2) { totalCount nodes { occurred } pageInfo { endCursor hasNextPage } } }`,
    );
    const total = latest.data?.changes.totalCount ?? 0;
    expect(total).toBeGreaterThanOrEqual(4);
    expect(latest.data?.changes.nodes.every((n) => n.occurred === '2026-08-17')).toBe(true);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const { data } = await api.query<{
        changes: {
          edges: { node: { id: string } }[];
          pageInfo: { endCursor: string; hasNextPage: boolean };
        };
      }>(
        `query($after: String) { changes(since: "2026-01-01", first: 2, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      seen.push(...(data?.changes.edges.map((e) => e.node.id) ?? []));
      if (!data?.changes.pageInfo.hasNextPage) break;
      after = data.changes.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    const added = await api.query(
      `{ changes(kind: [ADDED], since: "2026-01-01") { nodes { serviceName protocol } } }`,
    );
    expect(added.data).toEqual({ changes: { nodes: [{ serviceName: 'https', protocol: 'UDP' }] } });
    const https = await api.query(
      `{ changes(port: 443, protocols: [TCP]) { totalCount } byName: changes(serviceName: "HTTPS") { totalCount } }`,
    );
    expect(https.data).toEqual({ changes: { totalCount: 2 }, byName: { totalCount: 3 } });
    const old = await api.query(`{ changes(until: "2020-12-31") { totalCount } }`);
    expect(old.data).toEqual({ changes: { totalCount: 13 } });
  });

  it('shows a change as before and after versions of the record', async () => {
    const { data } = await api.query(`{
      changes(port: 7000, kind: [MODIFIED]) {
        nodes { before { serviceName status } after { serviceName status description } previousSource { edition } }
      }
    }`);
    expect(data).toEqual({
      changes: {
        nodes: [
          {
            before: { serviceName: 'chatter', status: 'ASSIGNED' },
            after: { serviceName: null, status: 'UNASSIGNED', description: 'Unassigned' },
            previousSource: { edition: 'iana:2020-01-08' },
          },
        ],
      },
    });
  });

  it('refuses backward paging of the feed and foreign cursors', async () => {
    const back = await api.query(`{ changes(last: 2) { totalCount } }`);
    expect(back.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const foreign = await api.query(
      `{ changes(first: 2, after: "${Buffer.from('port:22').toString('base64url')}") { totalCount } }`,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
