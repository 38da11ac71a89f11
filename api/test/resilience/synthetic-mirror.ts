import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A registry XML the size of a real edition: `count` tcp records, one per port, named after the
 * edition so every edition differs from the last in every record (the most work an import does).
 */
export function registryXml(updated: string, count: number): string {
  const records: string[] = [];
  for (let port = 1; port <= count; port++) {
    records.push(
      `  <record date="2001-01-01"><name>svc-${port}-${updated}</name><protocol>tcp</protocol>` +
        `<description>Service on port ${port}</description><number>${port}</number></record>`,
    );
  }
  return [
    `<?xml version='1.0' encoding='UTF-8'?>`,
    `<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">`,
    '  <title>Service Name and Transport Protocol Port Number Registry</title>',
    `  <updated>${updated}</updated>`,
    ...records,
    '</registry>',
    '',
  ].join('\n');
}

/** A mirror directory laid out like the shared data: the newest edition in `iana/`, older ones as snapshots. */
export function syntheticMirror(editions: string[], count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'portbook-mirror-'));
  mkdirSync(join(dir, 'iana'));
  mkdirSync(join(dir, 'iana-snapshots'));
  const sorted = [...editions].sort();
  const newest = sorted.pop() as string;
  writeFileSync(join(dir, 'iana', 'service-names-port-numbers.xml'), registryXml(newest, count));
  for (const edition of sorted) {
    writeFileSync(
      join(dir, 'iana-snapshots', `${edition}.xml.gz`),
      gzipSync(registryXml(edition, count)),
    );
  }
  return dir;
}
