import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliDatabase, cliDatabase, runCli, scratchDir, tableDigests } from './run-cli.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const registry2026 = readFileSync(fixture('registry-2026.xml'), 'utf8');

/** Files a user might hand to `portbook import` by mistake, each with the code it must fail with. */
function badFiles(dir: string): [string, string, string][] {
  const write = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const cut = registry2026.slice(0, registry2026.indexOf('<record date="2025-06-02">') + 40);
  return [
    ['a truncated XML file', write('truncated.xml', cut), 'TRUNCATED_SOURCE'],
    [
      'a truncated gzip file',
      write('truncated.xml.gz', gzipSync(registry2026).subarray(0, 300)),
      'TRUNCATED_SOURCE',
    ],
    [
      'malformed XML',
      write('malformed.xml', registry2026.replace('<number>25</number>', '<number>25</numbr>')),
      'MALFORMED_SOURCE',
    ],
    [
      'a file of another type',
      write('notes.txt', 'Dear IANA,\nplease assign port 4000 to me.\n'),
      'UNSUPPORTED_FORMAT',
    ],
    [
      'an unknown protocol',
      write(
        'icmp.xml',
        registry2026.replace('<protocol>udp</protocol>', '<protocol>icmp</protocol>'),
      ),
      'UNKNOWN_PROTOCOL',
    ],
    [
      'a port of 70000',
      write('big.xml', registry2026.replace('<number>48654</number>', '<number>70000</number>')),
      'PORT_OUT_OF_RANGE',
    ],
    ['a missing file', join(dir, 'nowhere.xml'), 'SOURCE_UNAVAILABLE'],
  ];
}

describe.each(TEST_DATABASE_KINDS)('portbook import and stats on %s', (kind) => {
  let db: CliDatabase;
  const cli = (...args: string[]) => runCli(args, db.env);

  beforeAll(async () => {
    db = await cliDatabase(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('reports an empty database', async () => {
    const result = await cli('stats', '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({
      sources: [],
      currentAssignments: 0,
      lastSync: null,
    });
  });

  it('imports two editions and reports what the database holds', async () => {
    const first = await cli('import', fixture('registry-2025.xml'));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^1 documents imported, 0 already stored; timeline of 1 sources/);
    expect(first.stderr).toContain('store 1/1');

    const gzipped = join(scratchDir('gz'), 'registry-2026.xml.gz');
    writeFileSync(gzipped, gzipSync(registry2026));
    expect((await cli('import', gzipped)).code).toBe(0);

    const stats = JSON.parse((await cli('stats', '--json')).stdout);
    expect(stats.sources).toEqual([{ kind: 'iana-xml', count: 2, inTimeline: 2 }]);
    expect(stats.currentByProtocol).toEqual([
      { protocol: 'tcp', count: 3 },
      { protocol: 'none', count: 2 },
      { protocol: 'udp', count: 1 },
    ]);
    expect(stats.people).toBe(3);
    expect(stats.changesByKind).toContainEqual({ kind: 'deassigned', count: 1 });
    expect(stats.lastSync).toMatchObject({ via: 'file', status: 'succeeded' });

    const text = await cli('stats');
    expect(text.stdout).toMatch(/current records by protocol\n\s+tcp\s+3\n/);
  });

  it('changes nothing when a document is imported again', async () => {
    const before = await tableDigests(db);
    const again = await cli('import', fixture('registry-2025.xml'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 documents imported, 1 already stored; nothing new');
    expect(await tableDigests(db)).toEqual(before);
  });

  it('fails with a stable code, no stack trace and no change for each bad input', async () => {
    const before = await tableDigests(db);
    for (const [what, path, code] of badFiles(scratchDir('bad'))) {
      const result = await cli('import', path);
      expect({ what, code: result.code, stdout: result.stdout }).toEqual({
        what,
        code: 1,
        stdout: '',
      });
      expect(result.stderr, what).toMatch(new RegExp(`^error \\[${code}\\]: .+$`, 'm'));
      expect(result.stderr, what).not.toMatch(/^\s+at /m);
    }
    expect(await tableDigests(db)).toEqual(before);
    const stats = JSON.parse((await cli('stats', '--json')).stdout);
    expect(stats.lastSync).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/^\[SOURCE_UNAVAILABLE\]/),
    });
  });

  it('rejects an impossible --date and prints the stack only with PORTBOOK_DEBUG=1', async () => {
    const plain = await cli('import', '--date', '2026-02-30', fixture('registry-2025.xml'));
    expect(plain).toMatchObject({
      code: 1,
      stderr: 'error [INVALID_DATE]: --date 2026-02-30 is not a YYYY-MM-DD date\n',
    });
    const debug = await runCli(['import', join(tmpdir(), 'no-such-file.xml')], {
      ...db.env,
      PORTBOOK_DEBUG: '1',
    });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^error \[SOURCE_UNAVAILABLE\]: no such file/);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});

describe('portbook with a database it cannot reach', () => {
  it('says so with DATABASE_UNAVAILABLE', async () => {
    const result = await runCli(['stats'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/portbook',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error \[DATABASE_UNAVAILABLE\]: cannot use the database: .+$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
