import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

const PORT = /* GraphQL */ `
  query Port($number: Int!, $at: Date, $protocol: Protocol) {
    port(number: $number, at: $at) {
      id
      number
      status
      rangeClass { name low high }
      assignments(protocol: $protocol) {
        totalCount
        nodes {
          serviceName
          protocol
          portRange { low high }
          status
          description
          validFrom
          validTo
          assignee { name }
          references { type data url }
          source { edition }
        }
      }
    }
  }
`;

describe.each(TEST_DATABASE_KINDS)('port(number:) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  it('quotes what RFC 204 and RFC 322 said of socket 1 before the lists, up to `at`', async () => {
    const query = /* GraphQL */ `
      query Statements($number: Int!, $at: Date) {
        port(number: $number, at: $at) { socketStatements { date summary quotation definedByUrl } }
      }
    `;
    const today = await api.query(query, { number: 1 });
    expect(today.errors).toBeUndefined();
    const statements = (
      today.data as {
        port: { socketStatements: { date: string; definedByUrl: string; quotation: string }[] };
      }
    ).port.socketStatements;
    expect(statements.map((s) => [s.date, s.definedByUrl])).toEqual([
      ['1971-08-05', 'https://www.rfc-editor.org/rfc/rfc204'],
      ['1972-03-26', 'https://www.rfc-editor.org/rfc/rfc322'],
    ]);
    expect(statements[0]?.quotation).toMatch(/Loggers \(telnet servers\) Listen on socket 1/);
    const in1971 = await api.query(query, { number: 1, at: '1971-12-31' });
    expect(in1971.data).toMatchObject({ port: { socketStatements: [{ date: '1971-08-05' }] } });
    const other = await api.query(query, { number: 22 });
    expect(other.data).toEqual({ port: { socketStatements: [] } });
  });

  it('lists every protocol of an assigned port with its people, references and source', async () => {
    const { data, errors } = await api.query(PORT, { number: 22 });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      port: {
        number: 22,
        status: 'ASSIGNED',
        rangeClass: { name: 'System Ports', low: 0, high: 1023 },
        assignments: { totalCount: 3 },
      },
    });
    const nodes = (data as { port: { assignments: { nodes: Record<string, unknown>[] } } }).port
      .assignments.nodes;
    expect(nodes.map((n) => n.protocol)).toEqual(['TCP', 'UDP', 'SCTP']);
    expect(nodes[0]).toMatchObject({
      serviceName: 'ssh',
      portRange: { low: 22, high: 22 },
      assignee: { name: 'IESG' },
      references: [{ type: 'RFC', data: 'rfc4251', url: 'https://www.rfc-editor.org/rfc/rfc4251' }],
      source: { edition: 'iana:2026-08-17' },
      validTo: null,
    });
    expect(nodes[2]).toMatchObject({ assignee: { name: 'Randall Stewart' } });
  });

  it('finds the range that contains a port (6010 is in x11 6000-6063)', async () => {
    const { data } = await api.query(PORT, { number: 6010, protocol: 'UDP' });
    expect(data).toMatchObject({
      port: {
        status: 'ASSIGNED',
        rangeClass: { name: 'User Ports' },
        assignments: {
          totalCount: 1,
          nodes: [{ serviceName: 'x11', protocol: 'UDP', portRange: { low: 6000, high: 6063 } }],
        },
      },
    });
  });

  it('answers for numbers nobody mentions, with their class', async () => {
    const { data } = await api.query(PORT, { number: 50000 });
    expect(data).toMatchObject({
      port: {
        number: 50000,
        status: 'UNASSIGNED',
        rangeClass: { name: 'Dynamic Ports' },
        assignments: { totalCount: 0, nodes: [] },
      },
    });
  });

  it('takes reserved and unassigned records into the status', async () => {
    const reserved = await api.query(PORT, { number: 0 });
    expect(reserved.data).toMatchObject({ port: { status: 'RESERVED' } });
    const unassigned = await api.query(PORT, { number: 4 });
    expect(unassigned.data).toMatchObject({
      port: { status: 'UNASSIGNED', assignments: { totalCount: 1 } },
    });
  });

  it('reads the registry as it stood on `at`', async () => {
    const before = await api.query(PORT, { number: 7000, at: '2021-06-01' });
    expect(before.data).toMatchObject({
      port: {
        status: 'ASSIGNED',
        assignments: {
          nodes: [{ serviceName: 'chatter', validFrom: '2020-01-08', validTo: '2026-08-17' }],
        },
      },
    });
    const now = await api.query(PORT, { number: 7000 });
    expect(now.data).toMatchObject({
      port: {
        status: 'UNASSIGNED',
        assignments: { nodes: [{ serviceName: null, description: 'Unassigned', validTo: null }] },
      },
    });
    const beforeAnything = await api.query(PORT, { number: 22, at: '2019-12-31' });
    expect(beforeAnything.data).toMatchObject({
      port: { status: 'UNASSIGNED', assignments: { totalCount: 0 } },
    });
  });

  it.each([70000, -1, 65536])('refuses port %i with BAD_USER_INPUT', async (number) => {
    const { data, errors } = await api.query(PORT, { number });
    expect(data).toEqual({ port: null });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      portbookCode: 'PORT_OUT_OF_RANGE',
    });
    expect(errors?.[0]?.message).toContain('0 to 65535');
  });

  it('refuses dates that are not calendar days', async () => {
    const { errors } = await api.query(PORT, { number: 22, at: '2026-02-30' });
    expect(errors?.[0]?.message).toContain('YYYY-MM-DD');
  });

  it('refetches a port by its global id', async () => {
    const { data } = await api.query<{ port: { id: string } }>(PORT, { number: 80 });
    const id = data?.port.id as string;
    expect(id).not.toContain('80');
    const node = await api.query(
      `query($id: ID!) { node(id: $id) { __typename ... on Port { number status } } }`,
      { id },
    );
    expect(node.data).toEqual({ node: { __typename: 'Port', number: 80, status: 'ASSIGNED' } });
  });
});
