import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export const relations = defineRelations(schema, (r) => ({
  sources: {
    records: r.many.sourceRecords(),
  },
  recordVersions: {
    assignments: r.many.assignments(),
  },
  sourceRecords: {
    source: r.one.sources({ from: r.sourceRecords.sourceId, to: r.sources.id, optional: false }),
    version: r.one.recordVersions({
      from: r.sourceRecords.versionId,
      to: r.recordVersions.id,
      optional: false,
    }),
  },
  assignments: {
    version: r.one.recordVersions({
      from: r.assignments.versionId,
      to: r.recordVersions.id,
      optional: false,
    }),
    firstSource: r.one.sources({
      from: r.assignments.firstSourceId,
      to: r.sources.id,
      optional: false,
    }),
    lastSource: r.one.sources({
      from: r.assignments.lastSourceId,
      to: r.sources.id,
      optional: false,
    }),
    assignee: r.one.people({ from: r.assignments.assigneeId, to: r.people.id }),
    contact: r.one.people({ from: r.assignments.contactId, to: r.people.id }),
  },
  changes: {
    source: r.one.sources({ from: r.changes.sourceId, to: r.sources.id, optional: false }),
    previousSource: r.one.sources({ from: r.changes.previousSourceId, to: r.sources.id }),
    before: r.one.recordVersions({ from: r.changes.beforeVersionId, to: r.recordVersions.id }),
    after: r.one.recordVersions({ from: r.changes.afterVersionId, to: r.recordVersions.id }),
  },
  nameLinks: {
    source: r.one.sources({ from: r.nameLinks.sourceId, to: r.sources.id, optional: false }),
  },
  people: {
    source: r.one.sources({ from: r.people.sourceId, to: r.sources.id, optional: false }),
  },
}));
