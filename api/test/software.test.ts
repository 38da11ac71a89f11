import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { loadSoftware } from '@portbook/software';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

const URL_BASE = 'http://portbook.test';

interface Use {
  software: { slug: string; name: string };
  portRange: { low: number; high: number };
  protocols: string[];
  purpose: string;
  setting: string | null;
  citation: { url: string; title: string };
}

const COMMON_USES = /* GraphQL */ `
  query CommonUses($number: Int!) {
    port(number: $number) {
      commonUses {
        software { slug name }
        portRange { low high }
        protocols purpose setting
        citation { url title }
      }
    }
  }
`;

describe.each(TEST_DATABASE_KINDS)('software defaults on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  const usesOn = async (number: number) => {
    const { data, errors } = await api.query<{ port: { commonUses: Use[] } }>(COMMON_USES, {
      number,
    });
    expect(errors).toBeUndefined();
    return data?.port.commonUses ?? [];
  };

  it('lists the software defaults on a port, each cited, ranges containing it included', async () => {
    const ollama = (await usesOn(11434)).find((use) => use.software.slug === 'ollama');
    expect(ollama).toMatchObject({
      software: { name: 'Ollama' },
      portRange: { low: 11434, high: 11434 },
      protocols: ['TCP'],
      setting: 'OLLAMA_HOST',
    });
    expect(ollama?.citation.url).toMatch(/^https:\/\//);
    expect(ollama?.citation.title).toBeTruthy();
    expect((await usesOn(5173)).map((use) => use.software.slug)).toContain('vite');
    const mosh = (await usesOn(60000)).find((use) => use.software.slug === 'mosh');
    expect(mosh?.portRange).toEqual({ low: 60000, high: 61000 });
    // sshd's X11 display :10, inside IANA's x11 range 6000-6063.
    const display = (await usesOn(6010)).find((use) => use.software.slug === 'openssh');
    expect(display?.setting).toBe('X11DisplayOffset in sshd_config');
  });

  it('finds a program by id or by name, with its uses, and refuses a bad question', async () => {
    const { data } = await api.query<{
      byId: { id: string; slug: string; ports: { low: number }[]; uses: { purpose: string }[] };
      byName: { slug: string } | null;
      idAsName: null;
      unknown: null;
    }>(`{
      byId: software(id: "kubernetes") { id slug ports { low } uses { purpose } }
      byName: software(name: "KUBERNETES") { slug }
      idAsName: software(name: "apache-httpd") { slug }
      unknown: software(id: "nope") { slug }
    }`);
    expect(data?.byId.ports.map((p) => p.low)).toContain(6443);
    expect(data?.byId.uses.length).toBe(data?.byId.ports.length);
    expect(data?.byName?.slug).toBe('kubernetes');
    const byNodeId = await api.query<{ software: { slug: string } }>(
      'query($id: String!) { software(id: $id) { slug } }',
      { id: data?.byId.id },
    );
    expect(byNodeId.data?.software.slug).toBe('kubernetes');
    expect(data?.idAsName).toBeNull();
    expect(data?.unknown).toBeNull();
    for (const query of [
      '{ software { slug } }',
      '{ software(id: "vite", name: "Vite") { slug } }',
      `{ software(id: "${'x'.repeat(101)}") { slug } }`,
    ]) {
      const { errors } = await api.query(query);
      expect(errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });

  it('pages through every program by slug', async () => {
    const all = loadSoftware().map((software) => software.id);
    const page = async (after?: string) =>
      (
        await api.query<{
          softwareList: {
            totalCount: number;
            nodes: { slug: string }[];
            pageInfo: { endCursor: string };
          };
        }>(
          'query($after: String) { softwareList(first: 100, after: $after) { totalCount nodes { slug } pageInfo { endCursor } } }',
          { after },
        )
      ).data?.softwareList;
    const first = await page();
    expect(first?.totalCount).toBe(all.length);
    const second = await page(first?.pageInfo.endCursor);
    expect([...(first?.nodes ?? []), ...(second?.nodes ?? [])].map((n) => n.slug)).toEqual(
      all.slice(0, 200),
    );
    const { data } = await api.query<{ softwareList: { nodes: { category: string }[] } }>(
      '{ softwareList(first: 100, category: "ai") { nodes { category } } }',
    );
    expect(new Set(data?.softwareList.nodes.map((n) => n.category))).toEqual(new Set(['ai']));
    const { errors } = await api.query('{ softwareList(first: 101) { totalCount } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('names conflicts with today’s registry: TensorBoard on x11’s 6006, none for sshd on 22', async () => {
    const { data } = await api.query<{
      softwareConflicts: {
        totalCount: number;
        nodes: {
          port: { number: number };
          software: { slug: string };
          assignments: { serviceName: string; protocol: string }[];
        }[];
      };
      tensorboard: { softwareConflicts: { software: { slug: string } }[] };
      ssh: { softwareConflicts: unknown[] };
      then: { softwareConflicts: unknown[] };
    }>(`{
      softwareConflicts(first: 100) { totalCount nodes { port { number } software { slug } assignments { serviceName protocol } } }
      tensorboard: port(number: 6006) { softwareConflicts { software { slug } } }
      ssh: port(number: 22) { softwareConflicts { software { slug } } }
      then: port(number: 6006, at: "2021-01-01") { softwareConflicts { software { slug } } }
    }`);
    const tensorboard = data?.softwareConflicts.nodes.find(
      (c) => c.software.slug === 'tensorboard',
    );
    expect(tensorboard).toEqual({
      port: { number: 6006 },
      software: { slug: 'tensorboard' },
      assignments: [{ serviceName: 'x11', protocol: 'TCP' }],
    });
    const ports = data?.softwareConflicts.nodes.map((c) => c.port.number) ?? [];
    expect(ports).toEqual([...ports].sort((a, b) => a - b));
    expect(data?.tensorboard.softwareConflicts.map((c) => c.software.slug)).toContain(
      'tensorboard',
    );
    expect(data?.ssh.softwareConflicts).toEqual([]);
    expect(data?.then.softwareConflicts).toEqual([]);
  });

  it('says since when browsers refuse a port, with the list’s history, on the port’s date', async () => {
    const { data } = await api.query<Record<string, { browserBlocked: unknown }>>(`{
      x11: port(number: 6000) { browserBlocked { since addedToStandard service citation { url } earlierInBrowsers { date } } }
      sane: port(number: 6566) { browserBlocked { since addedToStandard } }
      saneBefore: port(number: 6566, at: "2020-06-01") { browserBlocked { since } }
      kubernetes: port(number: 6443) { browserBlocked { since } }
    }`);
    expect(data?.x11?.browserBlocked).toEqual({
      since: '2001-08-15',
      addedToStandard: '2016-03-10',
      service: 'x11',
      citation: {
        url: 'https://github.com/whatwg/fetch/commit/eb07418c8383983a9887498e49a2e2e986d3c9f4',
      },
      earlierInBrowsers: { date: '2001-08-15' },
    });
    // Chromium refused 6566 on 2020-12-05; the standard listed it on 2021-03-10.
    expect(data?.sane?.browserBlocked).toEqual({
      since: '2020-12-05',
      addedToStandard: '2021-03-10',
    });
    expect(data?.saneBefore?.browserBlocked).toBeNull();
    expect(data?.kubernetes?.browserBlocked).toBeNull();
  });

  it('lists the ports browsers refuse on a date, by port', async () => {
    const { data } = await api.query<{
      today: { totalCount: number; nodes: { port: { number: number }; since: string }[] };
      then: { totalCount: number };
      before: { totalCount: number };
    }>(`{
      today: browserBlockedPorts(first: 3) { totalCount nodes { port { number } since } }
      then: browserBlockedPorts(at: "2002-01-01") { totalCount }
      before: browserBlockedPorts(at: "2001-01-01") { totalCount }
    }`);
    // The Fetch list of 2026-07-02 holds 83 ports; Mozilla refused 58 of them from 2001-08-15.
    expect(data?.today.totalCount).toBe(83);
    expect(data?.today.nodes.map((n) => n.port.number)).toEqual([0, 1, 7]);
    expect(data?.then.totalCount).toBe(58);
    expect(data?.before.totalCount).toBe(0);
  });

  it('skips ports browsers refuse when choosing a port for the web', async () => {
    const { data } = await api.query<{
      any: { nearestUnassigned: { number: number } };
      web: { nearestUnassigned: { number: number } };
      webBefore: { nearestUnassigned: { number: number } };
      blocks: { nodes: { low: number; high: number }[] };
    }>(`{
      any: port(number: 6566) { nearestUnassigned { number } }
      web: port(number: 6566) { nearestUnassigned(web: true) { number } }
      webBefore: port(number: 6566, at: "2020-06-01") { nearestUnassigned(web: true) { number } }
      blocks: unassigned(within: { low: 6560, high: 6570 }, web: true) { nodes { low high } }
    }`);
    expect(data?.any.nearestUnassigned.number).toBe(6566);
    expect(data?.web.nearestUnassigned.number).toBe(6565);
    expect(data?.webBefore.nearestUnassigned.number).toBe(6566);
    expect(data?.blocks.nodes).toEqual([
      { low: 6560, high: 6565 },
      { low: 6567, high: 6570 },
    ]);
  });

  it('finds programs by name in search, ranked with the registry’s hits', async () => {
    const hits = async (query: string) =>
      (
        await api.query<{
          search: {
            nodes: {
              reason: string;
              software: { slug: string } | null;
              service: { name: string } | null;
            }[];
          };
        }>(
          'query($q: String!) { search(query: $q, first: 5) { nodes { reason software { slug } service { name } } } }',
          { q: query },
        )
      ).data?.search.nodes.map((n) => `${n.reason}:${n.software?.slug ?? n.service?.name}`);
    expect((await hits('ollama'))?.[0]).toBe('NAME:ollama');
    expect((await hits('vite'))?.[0]).toBe('NAME:vite');
    expect((await hits('Elasticsearch'))?.[0]).toBe('NAME:elasticsearch');
    expect(await hits('gateway')).toContain('TEXT:windows-rd-gateway');
    // A service named exactly as asked still leads.
    expect((await hits('ssh'))?.[0]).toBe('NAME:ssh');
  });

  it('adds software defaults to /services only when asked, each line marked unofficial', async () => {
    const plain = await (await api.yoga.fetch(`${URL_BASE}/services?within=6000-6500`)).text();
    expect(plain).not.toMatch(/unofficial/);
    const response = await api.yoga.fetch(`${URL_BASE}/services?within=6000-6500&uses=common`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^# .*uses=common/m);
    expect(text).toMatch(/^x11\s+6000\/tcp\s+# X Window System/m);
    expect(text).toMatch(
      /^kubernetes\s+6443\/tcp\s+# unofficial \(common use, not registered\): Kubernetes, /m,
    );
    const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
    const ports = lines.map((line) => Number(line.split(/\s+/)[1]?.split('/')[0]));
    expect(ports).toEqual([...ports].sort((a, b) => a - b));
    for (const line of lines.filter((l) => !l.startsWith('x11 ')))
      expect(line, line).toMatch(/# unofficial \(common use, not registered\): /);
    const udp = await (
      await api.yoga.fetch(`${URL_BASE}/services?protocol=udp&uses=common`)
    ).text();
    expect(udp).not.toMatch(/^\S+\s+\d+\/tcp/m);
    expect(udp).toMatch(/^mosh\s+60000\/udp\s+# unofficial .*\(range 60000-61000\)/m);
    const refused = await api.yoga.fetch(`${URL_BASE}/services?uses=all`);
    expect(refused.status).toBe(400);
  });
});
