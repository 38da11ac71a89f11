import { buildTimeline } from '../history/timeline.ts';
import type { TimelineEntry, TimelineSource } from '../history/types.ts';
import {
  type Person,
  RECORD_FIELDS,
  type RecordField,
  type RegistryRecord,
  type SourceKind,
} from '../model.ts';
import { EPHEMERAL_RANGES } from '../ranges/ephemeral.ts';
import { IANA_RANGE_CLASSES } from '../ranges/range-classes.ts';
import type { AssignmentRow, SnapshotRows, SourceRow } from './rows.ts';

/** A document as a test writes it: its records in IANA's order. */
export interface TestDocument {
  id: number;
  kind?: SourceKind;
  edition: string;
  published: string;
  fields?: readonly RecordField[];
  records: RegistryRecord[];
  people?: Person[];
}

/**
 * The rows an import of `documents` stores, made by the real history engine: the fixture a
 * snapshot test builds from, without a database.
 */
export function snapshotRowsFrom(
  documents: readonly TestDocument[],
  version = 'test',
): SnapshotRows {
  const versions = new Map<string, number>();
  const records = new Map<number, RegistryRecord>();
  const timelineSources: TimelineSource[] = [];
  const entries: TimelineEntry[] = [];
  const sources: SourceRow[] = [];
  for (const document of documents) {
    const kind = document.kind ?? 'iana-xml';
    const fields = document.fields ?? RECORD_FIELDS;
    timelineSources.push({
      id: document.id,
      kind,
      edition: document.edition,
      published: document.published,
      fields,
    });
    sources.push({
      id: document.id,
      kind,
      edition: document.edition,
      title: document.edition,
      published: document.published,
      origin: `test:${document.edition}`,
      sha256: `sha-${document.id}`,
      recordCount: document.records.length,
      fields: [...fields],
      inTimeline: true,
      importedAt: new Date(0),
    });
    document.records.forEach((record, position) => {
      const content = JSON.stringify(record);
      let versionId = versions.get(content);
      if (versionId === undefined) {
        versionId = versions.size + 1;
        versions.set(content, versionId);
        records.set(versionId, record);
      }
      entries.push({ sourceId: document.id, position, versionId, record });
    });
  }
  const timeline = buildTimeline(timelineSources, entries);
  const assignments: AssignmentRow[] = timeline.assignments.map((a) => {
    const record = records.get(a.versionId) as RegistryRecord;
    return {
      ...a,
      serviceName: record.serviceName,
      portLow: record.portRange?.low ?? null,
      portHigh: record.portRange?.high ?? null,
      protocol: record.protocol,
      description: record.description,
      assigneeId: record.assignee,
      contactId: record.contact,
      registered: record.registered,
      modified: record.modified,
      references: record.references,
      serviceCode: record.serviceCode,
      unauthorizedUse: record.unauthorizedUse,
      notes: record.notes,
      status: record.status,
    };
  });
  const people = documents.flatMap((document) =>
    (document.people ?? []).map((person) => ({ ...person, sourceId: document.id })),
  );
  return {
    version,
    sources,
    assignments,
    changes: timeline.changes.map((change) => ({ ...change, fields: change.fields ?? null })),
    nameLinks: timeline.nameLinks,
    people,
    rangeClasses: [...IANA_RANGE_CLASSES, ...EPHEMERAL_RANGES],
  };
}
