import { readFileSync } from 'node:fs';
import { parseIanaXml, parseSource, type SourceDocument } from '@portbook/core';
import { sharedDataDir } from '@portbook/core/testing';

/** A registry edition shaped like the real one: tcp and udp per port, some ranges, renames. */
function syntheticXml(updated: string, generation: number): string {
  const records: string[] = [];
  for (let port = 1; port <= 7_000; port++) {
    const name = port % 97 === 0 ? `svc${port}-v${generation}` : `svc${port}`;
    for (const protocol of ['tcp', 'udp']) {
      records.push(
        `<record date="2001-01-01"><name>${name}</name><protocol>${protocol}</protocol>` +
          `<description>Service ${name} on port ${port}</description><number>${port}</number></record>`,
      );
    }
  }
  records.push(
    '<record><name>x11</name><protocol>tcp</protocol><description>X Window System</description><number>6000-6063</number></record>',
  );
  return `<?xml version='1.0' encoding='UTF-8'?>
<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
<title>Service Name and Transport Protocol Port Number Registry</title><updated>${updated}</updated>
${records.join('\n')}
</registry>`;
}

/**
 * What the load test serves: the 2025 snapshot and the current registry (real data, so ports
 * have history), or on a checkout without the shared data two synthetic editions of the same size.
 */
export function loadDocuments(): { documents: SourceDocument[]; real: boolean } {
  const dir = sharedDataDir();
  if (dir) {
    const files = [
      `${dir}/iana-snapshots/2025-01-13.xml.gz`,
      `${dir}/iana/service-names-port-numbers.xml`,
    ];
    return { documents: files.map((file) => parseSource(readFileSync(file), file)), real: true };
  }
  const documents = ['2025-01-13', '2026-08-17'].map((updated, generation) =>
    parseIanaXml(
      new TextEncoder().encode(syntheticXml(updated, generation)),
      `synthetic:${updated}`,
    ),
  );
  return { documents, real: false };
}
