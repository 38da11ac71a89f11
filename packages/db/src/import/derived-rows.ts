import type { RegistryRecord, Timeline } from '@portbook/core';
import { RECORD_COLUMNS, recordValues } from './record-columns.ts';
import type { TableRows } from './replace-rows.ts';

/** The derived tables' rows for a timeline, in COPY order; `versions` gives each version's record. */
export function derivedRows(
  timeline: Timeline,
  versions: Map<number, RegistryRecord>,
): TableRows[] {
  return [
    {
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
      rows: timeline.assignments.map((a) => [
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
    },
    {
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
      rows: timeline.changes.map((c) => [
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
    },
    {
      table: 'name_links',
      key: ['former_name', 'later_name'],
      columns: ['former_name', 'later_name', 'kind', 'source_id'],
      rows: timeline.nameLinks.map((link) => [
        link.formerName,
        link.laterName,
        link.kind,
        link.sourceId,
      ]),
    },
  ];
}
