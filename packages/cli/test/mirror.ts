import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A mirror laid out like the shared data, built from the hand-written fixtures. */
export function buildMirror(): string {
  const mirror = mkdtempSync(join(tmpdir(), 'portbook-mirror-'));
  for (const dir of ['iana', 'iana-snapshots', 'rfc']) mkdirSync(join(mirror, dir));
  copyFileSync(fixture('registry-2026.xml'), join(mirror, 'iana/service-names-port-numbers.xml'));
  copyFileSync(fixture('registry-2024.csv'), join(mirror, 'iana/service-names-port-numbers.csv'));
  writeFileSync(
    join(mirror, 'iana-snapshots/2025-01-13.xml.gz'),
    gzipSync(readFileSync(fixture('registry-2025.xml'))),
  );
  return mirror;
}
