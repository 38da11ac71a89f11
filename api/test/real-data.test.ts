import { readFileSync } from 'node:fs';
import { parseSource } from '@portbook/core';
import { sharedDataFile } from '@portbook/core/testing';
import { importDocuments } from '@portbook/db';
import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResult, openTestApi, type TestApi } from './harness.ts';

interface PortsPage {
  ports: {
    totalCount: number;
    nodes: { number: number }[];
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
}

const CURRENT = sharedDataFile('iana/service-names-port-numbers.xml');
const OLDER = sharedDataFile('iana-snapshots/2025-01-13.xml.gz');

/** The API over the real registry (2025-01-13 and 2026-08-17 editions). */
describe.runIf(CURRENT && OLDER).each(TEST_DATABASE_KINDS)('the real registry on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind, { seed: false });
    const documents = [OLDER, CURRENT].map((file) =>
      parseSource(readFileSync(file as string), file as string),
    );
    await importDocuments(api.database, documents);
  }, 180_000);
  afterAll(() => api?.close());

  it('states the registry edition and counts records', async () => {
    const { data } = await api.query<{ registry: { updated: string; recordCount: number } }>(
      '{ registry { updated recordCount } }',
    );
    expect(data?.registry.updated).toBe('2026-08-17');
    expect(data?.registry.recordCount).toBe(14_533);
  });

  it('finds x11 for 6010 and ssh for 22 on every protocol IANA lists', async () => {
    const { data } = await api.query(`{
      x11: port(number: 6010) { status assignments { nodes { serviceName protocol portRange { low high } } } }
      ssh: port(number: 22) { assignments { nodes { serviceName protocol } } }
    }`);
    expect(data).toMatchObject({
      x11: {
        status: 'ASSIGNED',
        assignments: {
          nodes: expect.arrayContaining([
            { serviceName: 'x11', protocol: 'TCP', portRange: { low: 6000, high: 6063 } },
          ]),
        },
      },
      ssh: {
        assignments: { nodes: expect.arrayContaining([{ serviceName: 'ssh', protocol: 'TCP' }]) },
      },
    });
  });

  it('searches names, words and typos over every service name', async () => {
    const first = async (query: string) =>
      (
        await api.query<{ search: { nodes: { service: { name: string } | null }[] } }>(
          'query($q: String!) { search(query: $q, first: 5) { nodes { service { name } } } }',
          { q: query },
        )
      ).data?.search.nodes.map((n) => n.service?.name);
    expect((await first('SSH'))?.[0]).toBe('ssh');
    expect(await first('kerberos admin')).toContain('kerberos-adm');
    expect(await first('kerbros-adm')).toContain('kerberos-adm');
  });

  it('answers real queries from the in-memory search as the SQL search did, or better', async () => {
    const hits = async (query: string) =>
      (
        await api.query<{
          search: {
            nodes: {
              reason: string;
              port: { number: number } | null;
              portRange: { low: number; high: number } | null;
              service: { name: string } | null;
            }[];
          };
        }>(
          'query($q: String!) { search(query: $q, first: 5) { nodes { reason port { number } portRange { low high } service { name } } } }',
          { q: query },
        )
      ).data?.search.nodes.map(
        (n) =>
          `${n.reason}:${n.port?.number ?? ''}${n.portRange ? `${n.portRange.low}-${n.portRange.high}` : ''}${n.service?.name ?? ''}`,
      ) ?? [];
    expect((await hits('443')).slice(0, 2)).toEqual(['PORT:443', 'PORT:https']);
    expect((await hits('6000-6010')).slice(0, 2)).toEqual(['RANGE:6000-6010', 'RANGE:x11']);
    expect((await hits('http')).slice(0, 2)).toEqual(['NAME:http', 'PREFIX:https']);
    expect((await hits('window system'))[0]).toBe('TEXT:x11');
    expect((await hits('secure shell'))[0]).toBe('TEXT:ssh');
    expect(await hits('kerbros')).toContain('FUZZY:kerberos');
    expect((await hits('whoisp'))[0]).toBe('PREFIX:whoispp');
    expect((await hits('postgres'))[0]).toBe('PREFIX:postgresql');
    expect(await hits('zzqxv')).toEqual([]);
  });

  it('pages through every assigned system port, and the pages add up to the count', async () => {
    const numbers: number[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 20; page++) {
      const { data }: GraphQLResult<PortsPage> = await api.query<PortsPage>(
        `query($after: String) {
          ports(first: 100, after: $after, filter: { rangeClass: "System Ports", statuses: [ASSIGNED] }) {
            totalCount nodes { number } pageInfo { endCursor hasNextPage }
          }
        }`,
        { after },
      );
      totalCount = data?.ports.totalCount ?? 0;
      numbers.push(...(data?.ports.nodes.map((n) => n.number) ?? []));
      if (!data?.ports.pageInfo.hasNextPage) break;
      after = data.ports.pageInfo.endCursor;
    }
    expect(numbers).toHaveLength(totalCount);
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    expect(numbers.every((n) => n >= 0 && n <= 1023)).toBe(true);
    expect(numbers).toEqual(expect.arrayContaining([22, 25, 53, 80, 443]));
    expect(numbers).not.toContain(4);
  });

  it('names software conflicts with the real registry: Kubernetes on sun-sr-https', async () => {
    type Conflicts = {
      softwareConflicts: { software: { slug: string }; assignments: { serviceName: string }[] }[];
    };
    const { data } = await api.query<{
      softwareConflicts: { totalCount: number };
      kubernetes: Conflicts;
      ssh: Conflicts;
      postgresql: Conflicts;
      x11: Conflicts;
    }>(`{
      softwareConflicts { totalCount }
      kubernetes: port(number: 6443) { ...conflicts }
      ssh: port(number: 22) { ...conflicts }
      postgresql: port(number: 5432) { ...conflicts }
      x11: port(number: 6010) { ...conflicts }
    }
    fragment conflicts on Port { softwareConflicts { software { slug } assignments { serviceName } } }`);
    const programs = (port?: Conflicts) => port?.softwareConflicts.map((c) => c.software.slug);
    expect(programs(data?.kubernetes)).toContain('kubernetes');
    expect(
      data?.kubernetes.softwareConflicts.flatMap((c) => c.assignments.map((a) => a.serviceName)),
    ).toContain('sun-sr-https');
    // sshd on ssh, PostgreSQL on postgresql, sshd's X11 display on x11: the same service.
    expect(programs(data?.ssh)).not.toContain('openssh');
    expect(programs(data?.postgresql)).not.toContain('postgresql');
    expect(programs(data?.x11)).not.toContain('openssh');
    console.log(
      `software conflicts with the registry of 2026-08-17: ${data?.softwareConflicts.totalCount}`,
    );
  });

  it('exports an /etc/services file with ssh on 22/tcp', async () => {
    const text = await (await api.yoga.fetch('http://portbook.test/services?protocol=tcp')).text();
    expect(text).toMatch(/^ssh\s+22\/tcp\s+# The Secure Shell \(SSH\) Protocol$/m);
    expect(text.split('\n').length).toBeGreaterThan(5000);
  });
});
