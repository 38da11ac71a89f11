import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scratchDir } from './run-cli.ts';

export const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A mirror laid out like the shared data, built from the hand-written fixtures: five documents. */
export function buildMirror(): string {
  const mirror = scratchDir('mirror');
  for (const dir of ['iana', 'iana-snapshots', 'rfc']) mkdirSync(join(mirror, dir));
  copyFileSync(fixture('registry-2026.xml'), join(mirror, 'iana/service-names-port-numbers.xml'));
  copyFileSync(fixture('registry-2024.csv'), join(mirror, 'iana/service-names-port-numbers.csv'));
  copyFileSync(
    fixture('port-numbers-2004.txt'),
    join(mirror, 'iana-snapshots/2004-01-08.port-numbers.txt'),
  );
  copyFileSync(fixture('rfc1700.txt'), join(mirror, 'rfc/rfc1700.txt'));
  // Not an Assigned Numbers RFC: a mirror of the RFC Editor holds these too, and sync leaves them.
  writeFileSync(join(mirror, 'rfc/rfc3232.txt'), 'RFC 1700 is Replaced by an On-line Database\n');
  writeFileSync(
    join(mirror, 'iana-snapshots/2025-01-13.xml.gz'),
    gzipSync(readFileSync(fixture('registry-2025.xml'))),
  );
  return mirror;
}
