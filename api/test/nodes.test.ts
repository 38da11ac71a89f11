import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

/** One id of every entity type, taken from the API itself. */
const IDS = /* GraphQL */ `{
  port(number: 22) {
    id
    rangeClass { id slug }
    assignments(first: 1) { nodes { id serviceName assignee { id personId } source { id edition } } }
    history(first: 1) { nodes { id kind } }
  }
  service(name: "ssh") { id name }
}`;

interface Ids {
  port: {
    id: string;
    rangeClass: { id: string; slug: string };
    assignments: {
      nodes: {
        id: string;
        serviceName: string;
        assignee: { id: string; personId: string };
        source: { id: string; edition: string };
      }[];
    };
    history: { nodes: { id: string; kind: string }[] };
  };
  service: { id: string; name: string };
}

describe.each(TEST_DATABASE_KINDS)('Relay node(id) and nodes(ids) on %s', (kind) => {
  let api: TestApi;
  let ids: Ids;
  beforeAll(async () => {
    api = await openTestApi(kind);
    ids = (await api.query<Ids>(IDS)).data as Ids;
  });
  afterAll(() => api?.close());

  it('refetches every entity type by its opaque global id', async () => {
    const assignment = ids.port.assignments.nodes[0];
    const wanted = [
      [ids.port.id, 'Port', 'number', 22],
      [ids.port.rangeClass.id, 'RangeClass', 'slug', ids.port.rangeClass.slug],
      [assignment?.id, 'Assignment', 'serviceName', 'ssh'],
      [assignment?.assignee.id, 'Person', 'personId', assignment?.assignee.personId],
      [assignment?.source.id, 'Source', 'edition', assignment?.source.edition],
      [ids.port.history.nodes[0]?.id, 'Change', 'kind', ids.port.history.nodes[0]?.kind],
      [ids.service.id, 'Service', 'name', 'ssh'],
    ] as const;
    for (const [id, typename, field, value] of wanted) {
      expect(id).toMatch(/^[A-Za-z0-9+/=_-]+$/);
      const { data, errors } = await api.query(
        `query($id: ID!) { node(id: $id) { __typename ... on ${typename} { ${field} } } }`,
        { id },
      );
      expect(errors, typename).toBeUndefined();
      expect(data, typename).toEqual({ node: { __typename: typename, [field]: value } });
    }
  });

  it('loads many ids in order, null for unknown ones, and caps the list', async () => {
    const unknown = Buffer.from('Service:no-such-service').toString('base64');
    const { data } = await api.query(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Service { name } ... on Port { number } } }`,
      { ids: [ids.service.id, unknown, ids.port.id] },
    );
    expect(data).toEqual({
      nodes: [{ __typename: 'Service', name: 'ssh' }, null, { __typename: 'Port', number: 22 }],
    });
    const tooMany = await api.query(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`, {
      ids: Array.from({ length: 101 }, () => ids.port.id),
    });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses malformed ids and out-of-range ports with BAD_USER_INPUT', async () => {
    for (const id of ['not-base64!', Buffer.from('Port:70000').toString('base64')]) {
      const { errors } = await api.query(`query($id: ID!) { node(id: $id) { __typename } }`, {
        id,
      });
      expect(errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });
});
