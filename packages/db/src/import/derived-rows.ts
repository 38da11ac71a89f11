import type { RegistryRecord, Timeline } from '@portbook/core';
import { RECORD_COLUMNS, recordValues } from './record-columns.ts';
import type { TableRows } from './replace-rows.ts';

/** `assignments` rows in COPY order; `versions` gives each version's record. */
export function assignmentRows(
  assignments: Timeline['assignments'],
  versions: ReadonlyMap<number, RegistryRecord>,
): TableRows {
  return {
    table: 'assignments',
    key: ['id'],
    columns: [
      'id',
      'version_id',
      'lineage',
      ...RECORD_COLUMNS,
      'first_source_id',
      'last_source_id',
      'valid_from',
      'valid_to',
      'position',
    ],
    rows: assignments.map((a) => [
      a.id,
      a.versionId,
      a.lineage,
      ...recordValues(versions.get(a.versionId) as RegistryRecord),
      a.firstSourceId,
      a.lastSourceId,
      a.validFrom,
      a.validTo,
      a.position,
    ]),
  };
}

export function changeRows(changes: Timeline['changes']): TableRows {
  return {
    table: 'changes',
    key: ['id'],
    columns: [
      'id',
      'source_id',
      'previous_source_id',
      'kind',
      'lineage',
      'before_version_id',
      'after_version_id',
      'fields',
      'occurred',
      'origin',
      'evidence',
      'service_name',
      'port_low',
      'port_high',
      'protocol',
    ],
    rows: changes.map((c) => [
      c.id,
      c.sourceId,
      c.previousSourceId,
      c.kind,
      c.lineage,
      c.beforeVersionId,
      c.afterVersionId,
      c.fields,
      c.occurred,
      c.origin,
      c.evidence,
      c.serviceName,
      c.portLow,
      c.portHigh,
      c.protocol,
    ]),
  };
}

export function nameLinkRows(nameLinks: Timeline['nameLinks']): TableRows {
  return {
    table: 'name_links',
    key: ['former_name', 'later_name'],
    columns: ['former_name', 'later_name', 'kind', 'source_id'],
    rows: nameLinks.map((link) => [link.formerName, link.laterName, link.kind, link.sourceId]),
  };
}

/** The derived tables' rows for a timeline, in COPY order; `versions` gives each version's record. */
export function derivedRows(
  timeline: Timeline,
  versions: ReadonlyMap<number, RegistryRecord>,
): TableRows[] {
  return [
    assignmentRows(timeline.assignments, versions),
    changeRows(timeline.changes),
    nameLinkRows(timeline.nameLinks),
  ];
}
