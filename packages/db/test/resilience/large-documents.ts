import type { RegistryRecord, SourceDocument } from '@portbook/core';
import { ianaDocument, record } from '../fixtures/documents.ts';

/** A registry edition the size of a real one: `count` single-port tcp records, one per port. */
export function largeEdition(published: string, count: number, rename = ''): SourceDocument {
  const records: RegistryRecord[] = [];
  for (let port = 1; port <= count; port++) {
    records.push(
      record({
        serviceName: `svc-${port}${rename}`,
        port,
        protocol: 'tcp',
        description: `Service on port ${port}`,
        registered: '2001-01-01',
      }),
    );
  }
  return ianaDocument(published, records);
}

/** The same edition with one record, deep in the file, replaced. */
export function withRecordAt(
  document: SourceDocument,
  index: number,
  replace: (record: RegistryRecord) => RegistryRecord,
): SourceDocument {
  const records = document.records.map((one, at) => (at === index ? replace(one) : one));
  return { ...document, records, sha256: `${document.sha256.slice(0, 56)}${'d'.repeat(8)}` };
}
