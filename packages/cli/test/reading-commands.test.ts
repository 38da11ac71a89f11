import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSnapshot } from '@portbook/db';
import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { loadSoftware } from '@portbook/software';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMirror, fixture } from './mirror.ts';
import { type CliDatabase, cliDatabase, runCli, scratchDir } from './run-cli.ts';

// The fixture registry: the NCP socket lists (1972-73), the 2004 text, RFC 1700, the 2024 CSV and
// the 2025 and 2026 XML: smtp 25, x11 6000-6063, compressnet 2 (de-assigned in 2025), portbook
// 48654/udp (added in 2026).

const ESCAPE = '\u001b[';

/** A port no fixture record and no software default uses (software covers most high ports). */
const UNUSED_PORT = (() => {
  const used = new Set<number>();
  for (const entry of loadSoftware())
    for (const use of entry.uses) for (let port = use.low; port <= use.high; port++) used.add(port);
  const port = [4015, 2021, 3018, 1024].find((candidate) => !used.has(candidate));
  if (port === undefined) throw new Error('every candidate port has a software default');
  return port;
})();

/**
 * The 2026 registry fixture as a later edition, in a file of its own named `name`: updated on
 * `updated`, with `record` added before its first dated record.
 */
function laterRegistry(name: string, updated: string, record: string): string {
  const file = join(scratchDir('later'), name);
  writeFileSync(
    file,
    readFileSync(fixture('registry-2026.xml'), 'utf8')
      .replace('<updated>2026-08-17</updated>', `<updated>${updated}</updated>`)
      .replace('<record date="2025-06-02">', `${record}\n  <record date="2025-06-02">`),
  );
  return file;
}

describe('portbook on an empty database', () => {
  let db: CliDatabase;
  beforeAll(async () => {
    db = await cliDatabase('pglite');
  });
  afterAll(() => db?.drop());

  it.each([['22'], ['free'], ['history', '22'], ['diff', '2025-01-01']])(
    '`portbook %s` says to sync first (REGISTRY_EMPTY, exit 1)',
    async (...args) => {
      const result = await runCli(args, db.env);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'error [REGISTRY_EMPTY]: the database holds no registry yet: run `./dev start` or `portbook sync` first\n',
      );
    },
  );
});

describe.each(TEST_DATABASE_KINDS)('portbook lookup, free, history and diff on %s', (kind) => {
  let db: CliDatabase;
  /** Postgres too gets a data directory of its own: the snapshot cache is kept beside it. */
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(args, env);
  const json = async (...args: string[]) => {
    const result = await cli(...args, '--json');
    expect(result.stderr).toBe('');
    return { code: result.code, body: JSON.parse(result.stdout) };
  };

  beforeAll(async () => {
    db = await cliDatabase(kind);
    // Colours are the test's to choose, whatever the test runner's own environment says.
    env = {
      PORTBOOK_DATA_DIR: join(scratchDir('data'), 'pglite'),
      NO_COLOR: '',
      FORCE_COLOR: '',
      ...db.env,
    };
    const synced = await cli('sync', '--offline', '--mirror', buildMirror());
    if (synced.code !== 0) throw new Error(`sync failed: ${synced.stderr}`);
  });
  afterAll(() => db?.drop());

  it('looks a port up: its record, class, software defaults and browser refusal', async () => {
    const { code, body } = await json('25');
    expect(code).toBe(0);
    expect(body).toMatchObject({
      kind: 'port',
      query: '25',
      at: null,
      port: 25,
      status: 'assigned',
      rangeClass: { name: 'System Ports', low: 0, high: 1023 },
      browserRefusedSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      records: [
        {
          serviceName: 'smtp',
          protocol: 'tcp',
          low: 25,
          high: 25,
          description: 'Simple Mail Transfer',
          assignee: 'IESG',
          references: ['rfc5321'],
          validTo: null,
        },
      ],
    });
    expect(body.software.map((s: { id: string }) => s.id)).toContain('postfix');
  });

  it('reads the registry of another day with --at', async () => {
    const today = await json('2');
    expect(today.body.status).toBe('deassigned');
    const then = await json('2', '--at', '2004-06-01');
    expect(then.body).toMatchObject({ at: '2004-06-01', status: 'assigned' });
    expect(then.body.records.map((r: { serviceName: string }) => r.serviceName)).toEqual([
      'compressnet',
    ]);
  });

  it('finds a range, a service name in any case, and software by name', async () => {
    const range = await json('6000-6010');
    expect(range.body).toMatchObject({ kind: 'range', low: 6000, high: 6010, freePorts: 0 });
    expect(range.body.records.map((r: { serviceName: string }) => r.serviceName)).toEqual(['x11']);
    const name = await json('X11');
    expect(name.body.services).toMatchObject([
      { name: 'x11', records: [{ low: 6000, high: 6063 }] },
    ]);
    const software = await json('ollama');
    expect(software.code).toBe(0);
    expect(software.body).toMatchObject({
      kind: 'name',
      services: [],
      software: [{ id: 'ollama', low: 11434 }],
    });
  });

  it('exits 1 when nothing matches, with a stable code for a bad port or date', async () => {
    expect((await cli('nosuchservice')).code).toBe(1);
    const unknownPort = await json(String(UNUSED_PORT));
    expect(unknownPort).toMatchObject({ code: 1, body: { status: 'unassigned', records: [] } });
    for (const [args, code] of [
      [['70000'], 'PORT_OUT_OF_RANGE'],
      [['free', '9-3'], 'PORT_OUT_OF_RANGE'],
      [['free', '--min', '0'], 'PORT_OUT_OF_RANGE'],
      [['free', '--protocol', 'icmp'], 'UNKNOWN_PROTOCOL'],
      [['25', '--at', '2026-02-30'], 'INVALID_DATE'],
      [['diff', 'yesterday'], 'INVALID_DATE'],
    ] as const) {
      const result = await cli(...args);
      expect({ args, code: result.code, stderr: result.stderr }).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(new RegExp(`^error \\[${code}\\]: `)),
      });
    }
  });

  it('prints free blocks by the snapshot the API answers from; --web skips refused ports', async () => {
    const plain = await json('free', '0-200', '--min', '2');
    const web = await json('free', '0-200', '--min', '2', '--web');
    const database = db.open();
    try {
      const snapshot = await loadSnapshot(database.db);
      expect(
        plain.body.blocks.map(({ low, high }: { low: number; high: number }) => ({ low, high })),
      ).toEqual(snapshot.freeBlocks({ low: 0, high: 200 }, { minLength: 2 }));
    } finally {
      await database.close();
    }
    expect(plain.body.blocks.length).toBeGreaterThan(0);
    const ports = (blocks: { low: number; high: number }[]) =>
      blocks.flatMap(({ low, high }) => Array.from({ length: high - low + 1 }, (_, i) => low + i));
    expect(ports(plain.body.blocks)).toContain(110);
    expect(ports(web.body.blocks)).not.toContain(110); // pop3: browsers refuse it
    expect(ports(web.body.blocks).every((port) => ports(plain.body.blocks).includes(port))).toBe(
      true,
    );
    for (const block of web.body.blocks) expect(block.length).toBeGreaterThanOrEqual(2);
    const near = await json('free', '25');
    expect(near.body).toMatchObject({ near: 25, nearestFree: expect.any(Number) });
    expect(near.body.nearestFree).not.toBe(25);
  });

  it("tells a port's and a service's history, with dates and documents", async () => {
    const { code, body } = await json('history', '2');
    expect(code).toBe(0);
    expect(body.events.map((e: { date: string; kind: string }) => `${e.date} ${e.kind}`)).toContain(
      '2025-02-13 deassigned',
    );
    const byName = await json('history', 'compressnet');
    expect(byName.body.names).toEqual(['compressnet']);
    expect(byName.body.events[0]).toMatchObject({
      kind: 'added',
      document: { label: expect.stringContaining('2004') },
    });
    expect((await cli('history', 'nosuchservice')).code).toBe(1);
    // Socket 1 as RFC 204 and RFC 322 described it before the first list, in JSON and text.
    const socket1 = await json('history', '1');
    expect(
      socket1.body.statements.map((s: { date: string; definedByUrl: string }) => s.date),
    ).toEqual(['1971-08-05', '1972-03-26']);
    expect(body.statements).toEqual([]);
    const text = (await cli('history', '1')).stdout;
    expect(text).toContain('1971-08-05  Loggers (telnet servers) listen on socket 1');
  });

  it('lists what changed between two dates, in either order', async () => {
    const { code, body } = await json('diff', '2025-01-01', '2026-12-31');
    expect(code).toBe(0);
    expect(body).toMatchObject({ from: '2025-01-01', to: '2026-12-31' });
    expect(body.counts.added).toBeGreaterThan(0);
    expect(body.changes).toContainEqual(
      expect.objectContaining({ kind: 'added', serviceName: 'portbook', low: 48654 }),
    );
    expect((await json('diff', '2026-12-31', '2025-01-01')).body).toEqual(body);
    const none = await json('diff', '1900-01-01', '1901-01-01');
    expect(none.body.changes).toEqual([]);
  });

  it('colours only on a terminal or with FORCE_COLOR, never with NO_COLOR', async () => {
    expect((await cli('25')).stdout).not.toContain(ESCAPE);
    expect((await runCli(['25'], { ...env, FORCE_COLOR: '1' })).stdout).toContain(ESCAPE);
    const noColor = await runCli(['25'], { ...env, FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(noColor.stdout).not.toContain(ESCAPE);
  });

  it('prints compact tables', async () => {
    expect((await cli('2')).stdout).toMatchSnapshot('portbook 2');
    // Software defaults change with their data: the snapshot stops at their heading.
    const [records, software] = (await cli('6000-6010')).stdout.split('\nsoftware defaults');
    expect(records).toMatchSnapshot('portbook 6000-6010');
    expect(software).toMatch(/^ \(unofficial: .*\nSOFTWARE +PROTO +PORT +PURPOSE/);
    expect((await cli('history', '2')).stdout).toMatchSnapshot('portbook history 2');
    expect((await cli('diff', '2024-01-01', '2026-12-31')).stdout).toMatchSnapshot(
      'portbook diff 2024-01-01 2026-12-31',
    );
    expect((await cli('free', '48600-48700', '--protocol', 'udp')).stdout).toMatchSnapshot(
      'portbook free 48600-48700 --protocol udp',
    );
  });

  it('names software defaults on a port IANA assigns to another service, in text and JSON', async () => {
    // x11 holds 6000-6063 in the fixtures; TensorBoard's 6006 is no X server.
    const x11 = await json('6006');
    expect(x11.body.conflicts).toContainEqual({
      port: 6006,
      software: expect.objectContaining({ id: 'tensorboard', low: 6006, protocols: ['tcp'] }),
      records: [{ serviceName: 'x11', protocol: 'tcp', description: 'X Window System' }],
    });
    // A past registry: conflicts are today's, as the API's.
    expect((await json('6006', '--at', '2025-01-01')).body.conflicts).toEqual([]);
    // The issue's case: Kubernetes' API server on IANA's sun-sr-https.
    const withSunSr = laterRegistry(
      'registry-2026-08-20.xml',
      '2026-08-20',
      '<record><name>sun-sr-https</name><protocol>tcp</protocol><description>Service Registry Default HTTPS Domain</description><number>6443</number></record>',
    );
    expect((await cli('import', withSunSr)).code).toBe(0);
    const kubernetes = await json('6443');
    expect(kubernetes.body.conflicts).toContainEqual({
      port: 6443,
      software: expect.objectContaining({ id: 'kubernetes', name: 'Kubernetes' }),
      records: [
        {
          serviceName: 'sun-sr-https',
          protocol: 'tcp',
          description: 'Service Registry Default HTTPS Domain',
        },
      ],
    });
    expect((await cli('6443')).stdout).toContain(
      'conflict: Kubernetes defaults to 6443/tcp, which IANA assigns to sun-sr-https/tcp',
    );
    expect((await cli('25')).stdout).not.toContain('conflict:');
  });

  it('answers from the snapshot cache until an import changes the registry', async () => {
    const cacheDir = join(dirname(env.PORTBOOK_DATA_DIR as string), 'snapshot-cache');
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.v8'))).toHaveLength(1);
    expect((await cli(String(UNUSED_PORT))).code).toBe(1);
    if (kind === 'pglite') {
      // Files untouched since the cache was found current: answered without opening the
      // database, so even while another process holds it.
      const lock = `${env.PORTBOOK_DATA_DIR}.lock`;
      writeFileSync(lock, `${process.pid}\n`);
      try {
        expect((await cli('stats')).stderr).toMatch(/^error \[DATABASE_UNAVAILABLE\]/);
        expect(await json('25')).toMatchObject({ code: 0, body: { status: 'assigned' } });
      } finally {
        rmSync(lock);
      }
    }
    const newer = laterRegistry(
      'registry-2026-09.xml',
      '2026-09-01',
      `<record><name>cachetest</name><protocol>tcp</protocol><description>Cache test</description><number>${UNUSED_PORT}</number></record>`,
    );
    expect((await cli('import', newer)).code).toBe(0);
    const after = await json(String(UNUSED_PORT));
    expect(after.code).toBe(0);
    expect(after.body.records).toMatchObject([{ serviceName: 'cachetest', protocol: 'tcp' }]);
  });

  it('lists examples in --help', async () => {
    for (const command of ['lookup', 'free', 'history', 'diff']) {
      const help = await cli(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
    }
  });
});
