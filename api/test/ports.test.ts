import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

interface PortsPage {
  ports: {
    totalCount: number;
    nodes: { number: number }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      endCursor: string;
      startCursor: string;
    };
  };
}

const PORTS = /* GraphQL */ `
  query Ports($filter: AssignmentFilter, $at: Date, $first: Int, $after: String, $last: Int, $before: String) {
    ports(filter: $filter, at: $at, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      nodes { number }
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    }
  }
`;

describe.each(TEST_DATABASE_KINDS)('ports(filter) on %s', (kind) => {
  let api: TestApi;
  const numbers = async (variables: Record<string, unknown>) => {
    const { data, errors } = await api.query<PortsPage>(PORTS, variables);
    expect(errors).toBeUndefined();
    return { numbers: data?.ports.nodes.map((n) => n.number), ...data?.ports };
  };
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  it('expands ranges and counts every port a matching record covers', async () => {
    const page = await numbers({ filter: { statuses: ['ASSIGNED'] }, first: 6 });
    expect(page.numbers).toEqual([22, 63, 80, 443, 749, 6000]);
    expect(page.totalCount).toBe(5 + 64);
    expect(page.pageInfo?.hasNextPage).toBe(true);
  });

  it('pages forward with `after` and backward with `last`/`before`, without overlap', async () => {
    const first = await numbers({ filter: { statuses: ['ASSIGNED'] }, first: 3 });
    const second = await numbers({
      filter: { statuses: ['ASSIGNED'] },
      first: 3,
      after: first.pageInfo?.endCursor,
    });
    expect(second.numbers).toEqual([443, 749, 6000]);
    expect(second.pageInfo?.hasPreviousPage).toBe(true);
    const back = await numbers({
      filter: { statuses: ['ASSIGNED'] },
      last: 2,
      before: second.pageInfo?.startCursor,
    });
    expect(back.numbers).toEqual([63, 80]);
    expect(back.pageInfo?.hasPreviousPage).toBe(true);
    const tail = await numbers({ filter: { statuses: ['ASSIGNED'] }, last: 2 });
    expect(tail.numbers).toEqual([6062, 6063]);
  });

  it.each([
    [{ protocols: ['UDP'] }, [22, 443, 6000]],
    [{ within: { low: 20, high: 100 }, statuses: ['ASSIGNED'] }, [22, 63, 80]],
    [{ rangeClass: 'System Ports', statuses: ['ASSIGNED'] }, [22, 63, 80]],
    [{ rangeClass: 'rfc6335-user' }, [6000, 6001, 6002]],
    [{ reference: 'RFC 4251' }, [22]],
    [{ reference: '[RFC9114]' }, [443]],
    [{ person: 'Randall_Stewart' }, [22]],
    [{ person: 'gildea' }, [6000, 6001, 6002]],
    [{ text: 'secure shell' }, [22]],
    [{ registeredFrom: '2022-01', registeredTo: '2022-12-31' }, [443]],
    [{ modifiedFrom: '2022-06-01' }, [443]],
    [{ statuses: ['RESERVED'] }, [0]],
  ])('filters by %j', async (filter, expected) => {
    expect((await numbers({ filter, first: 3 })).numbers).toEqual(expected);
  });

  it('reads the registry of another date', async () => {
    const then = await numbers({
      filter: { within: { low: 7000, high: 7000 }, statuses: ['ASSIGNED'] },
      at: '2021-01-01',
    });
    expect(then.numbers).toEqual([7000]);
    const now = await numbers({
      filter: { within: { low: 7000, high: 7000 }, statuses: ['ASSIGNED'] },
    });
    expect(now.numbers).toEqual([]);
  });

  it('refuses a page above the cap, a negative page, a foreign cursor and a bad range', async () => {
    for (const variables of [
      { first: 101 },
      { last: 500 },
      { first: -1 },
      { first: 2, after: 'bm90LWEtY3Vyc29y' },
      { first: 2, after: Buffer.from('service:ssh').toString('base64url') },
      { filter: { within: { low: 10, high: 70000 } } },
      { filter: { within: { low: 10, high: 5 } } },
      { filter: { rangeClass: 'No Such Class' } },
    ]) {
      const { errors } = await api.query(PORTS, variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });
});
