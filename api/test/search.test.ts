import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      totalCount
      nodes { score reason port { number } portRange { low high } service { name } }
    }
  }
`;

interface Hit {
  score: number;
  reason: string;
  port: { number: number } | null;
  portRange: { low: number; high: number } | null;
  service: { name: string } | null;
}

describe.each(TEST_DATABASE_KINDS)('search on %s', (kind) => {
  let api: TestApi;
  const hits = async (query: string) => {
    const { data, errors } = await api.query<{ search: { nodes: Hit[] } }>(SEARCH, { query });
    expect(errors).toBeUndefined();
    return data?.search.nodes ?? [];
  };
  const summary = (list: Hit[]) =>
    list.map(
      (h) =>
        `${h.reason}:${h.port?.number ?? ''}${h.portRange ? `${h.portRange.low}-${h.portRange.high}` : ''}${h.service?.name ?? ''}`,
    );
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  it('answers a number with the port first, then the services on it', async () => {
    expect(summary(await hits('443'))).toEqual(['PORT:443', 'PORT:https']);
  });

  it('answers a range with the range, then the services overlapping it', async () => {
    expect(summary(await hits('6000-6010'))).toEqual(['RANGE:6000-6010', 'RANGE:x11']);
    expect(summary(await hits(' 6010 .. 6000 '))).toEqual(['RANGE:6000-6010', 'RANGE:x11']);
  });

  it('finds a name in any case, exact matches first', async () => {
    const found = await hits('SSH');
    expect(summary(found)[0]).toBe('NAME:ssh');
    const https = summary(await hits('http'));
    expect(https.slice(0, 2)).toEqual(['NAME:http', 'PREFIX:https']);
  });

  it('finds words of descriptions, as prefixes', async () => {
    expect(summary(await hits('kerberos admin'))).toEqual(['TEXT:kerberos-adm']);
    expect(summary(await hits('window system'))).toEqual(['TEXT:x11']);
  });

  it('tolerates typos in names', async () => {
    expect(summary(await hits('kerbros-adm'))).toContain('FUZZY:kerberos-adm');
    expect(summary(await hits('whoisp'))).toContain('PREFIX:whoispp');
  });

  it('ranks every hit, best first', async () => {
    const found = await hits('http');
    const scores = found.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pages through the same answer: after a cursor, from the end, with its total', async () => {
    const PAGE = /* GraphQL */ `
      query Page($query: String!, $first: Int, $after: String, $last: Int) {
        search(query: $query, first: $first, after: $after, last: $last) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes { reason port { number } portRange { low high } service { name } }
        }
      }
    `;
    type Page = {
      search: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: Hit[];
      };
    };
    const page = async (variables: Record<string, unknown>) => {
      const { data, errors } = await api.query<Page>(PAGE, { query: 'http', ...variables });
      expect(errors).toBeUndefined();
      return (data as Page).search;
    };
    const whole = await page({ first: 100 });
    expect(whole.totalCount).toBe(whole.nodes.length);
    expect(whole.totalCount).toBeGreaterThan(2);
    const walked: Hit[] = [];
    let after: string | undefined;
    for (;;) {
      const next = await page({ first: 1, after });
      expect(next.totalCount).toBe(whole.totalCount);
      walked.push(...next.nodes);
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(summary(walked)).toEqual(summary(whole.nodes));
    expect(summary((await page({ last: 2 })).nodes)).toEqual(summary(whole.nodes.slice(-2)));
  });

  it('returns nothing for nonsense and refuses an overlong query', async () => {
    expect(await hits('zzqxv')).toEqual([]);
    const { errors } = await api.query(SEARCH, { query: 'x'.repeat(201) });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
