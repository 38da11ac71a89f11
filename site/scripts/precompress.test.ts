import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from './precompress.ts';

describe('precompress', () => {
  const site = mkdtempSync(join(tmpdir(), 'portbook-precompress-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('writes .br and .gz beside large text files only, and they decode to the original', async () => {
    const large = `<html>${'<a href=/ports/1/>1</a>'.repeat(3000)}</html>`;
    writeFileSync(join(site, 'index.html'), large);
    writeFileSync(join(site, 'small.html'), '<html></html>');
    expect(await precompress(site)).toBe(1);
    expect(brotliDecompressSync(readFileSync(join(site, 'index.html.br'))).toString()).toBe(large);
    expect(gunzipSync(readFileSync(join(site, 'index.html.gz'))).toString()).toBe(large);
    expect(existsSync(join(site, 'small.html.br'))).toBe(false);
  });
});
