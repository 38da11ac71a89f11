import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SOFTWARE_CATEGORIES } from './categories.ts';
import { findDuplicateUses, findOrderProblems } from './data-order.ts';
import { loadSoftware, readSoftwareFiles, softwareOnPort } from './load.ts';

describe('the software data in this repository', () => {
  const files = readSoftwareFiles();
  const software = loadSoftware();

  it('validates, and prints the uses per category', () => {
    const counts = Object.fromEntries(
      files.map((file) => [
        file.category,
        file.entries.reduce((n, entry) => n + entry.uses.length, 0),
      ]),
    );
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`software uses per category: ${JSON.stringify(counts)}; total ${total}`);
    for (const category of SOFTWARE_CATEGORIES)
      expect(counts[category], category).toBeGreaterThanOrEqual(16);
    // 766 uses when the data set was assembled: a lost file or a dropped category fails here.
    expect(total).toBeGreaterThanOrEqual(760);
  });

  it('is sorted and holds each claim once', () => {
    expect(files.flatMap(findOrderProblems)).toEqual([]);
    expect(files.flatMap(findDuplicateUses)).toEqual([]);
  });

  it('cites each claim once, with a well-formed https URL', () => {
    // One vendor page may back several claims (a KB listing many services), but a claim —
    // a program on a port range and protocols — is stated once, with one citation.
    const claims = new Set<string>();
    for (const entry of software) {
      for (const use of entry.uses) {
        const url = new URL(use.citation.url);
        expect(url.protocol).toBe('https:');
        expect(url.hostname).toContain('.');
        const claim = `${entry.id} ${use.low}-${use.high}/${use.protocols.join(',')} ${use.purpose}`;
        expect(claims.has(claim), claim).toBe(false);
        claims.add(claim);
      }
    }
  });

  it('answers what runs on a port', () => {
    const on6443 = softwareOnPort(software, 6443);
    expect(on6443.map((entry) => entry.id)).toContain('kubernetes');
    expect(on6443.find((entry) => entry.id === 'kubernetes')?.uses).toHaveLength(1);
    expect(softwareOnPort(software, 31000).map((entry) => entry.id)).toContain('kubernetes');
  });
});

describe('loadSoftware on a broken data directory', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true });
  });

  function dataDir(files: Record<string, unknown>): URL {
    dir = mkdtempSync(join(tmpdir(), 'portbook-software-'));
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(dir, name), JSON.stringify(content));
    return pathToFileURL(`${dir}/`);
  }
  const entry = (id: string, category: string) => ({
    id,
    name: id,
    category,
    homepage: 'https://example.org/',
    uses: [
      {
        low: 1,
        high: 1,
        protocols: ['tcp'],
        purpose: 'x',
        setting: null,
        citation: { url: 'https://example.org/p', title: 'P' },
      },
    ],
  });

  it('refuses a file whose name is not a category', () => {
    expect(() => loadSoftware(dataDir({ 'orchestration.json': [] }))).toThrow(
      `orchestration.json: unknown category "orchestration" (known: ${SOFTWARE_CATEGORIES.join(', ')})`,
    );
  });

  it('refuses an id used in two files', () => {
    const url = dataDir({
      'web.json': [entry('caddy', 'web')],
      'networking.json': [entry('caddy', 'networking')],
    });
    expect(() => loadSoftware(url)).toThrow('duplicate id "caddy" in networking.json, web.json');
  });

  it('refuses a file that is not JSON', () => {
    const url = dataDir({});
    writeFileSync(new URL('web.json', url), '[{');
    expect(() => loadSoftware(url)).toThrow(
      expect.objectContaining({
        code: 'MALFORMED_SOURCE',
        message: 'web.json: not valid JSON (web.json)',
      }),
    );
  });
});
