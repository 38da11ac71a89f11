import type { AssignmentRow, ChangeRow, RegistrySnapshot } from '@portbook/core';
import { changeSentence, fieldDetails, type RecordFacts } from './sentences.ts';
import { portPath, servicePath } from './slugs.ts';

/** A change as one line of text: a sentence, and the fields that moved. */
export interface ChangeLine {
  id: string;
  /** The date of the document the change first shows in. */
  occurred: string;
  /** The change's own date: the record's registration or modification date when it states one. */
  date: string;
  kind: ChangeRow['kind'];
  /** `added ftp on 21/tcp`, `added an Unassigned record for 11372-11599`. */
  sentence: string;
  /** The port page to read it on, or the service page of a name-only record. */
  href: string | undefined;
  /** `description: “Who is up or NETSTAT” → “Unassigned [was netstat]”` for modifications. */
  details: string[];
  evidence: string | null;
}

/** The record versions a change points at, by version id. */
export type RecordLookup = (versionId: number | null) => RecordFacts | undefined;

type DatedRecord = RecordFacts & Partial<Pick<AssignmentRow, 'registered' | 'modified'>>;

export function changeLine(
  change: ChangeRow,
  recordOf: (versionId: number | null) => DatedRecord | undefined,
): ChangeLine {
  const after = recordOf(change.afterVersionId);
  const before = recordOf(change.beforeVersionId);
  return {
    id: change.id,
    occurred: change.occurred,
    date: ownDate(change, after),
    kind: change.kind,
    sentence: changeSentence({
      ...change,
      protocols: change.protocol ? [change.protocol] : [],
      after,
      before,
    }),
    href: changeHref(change),
    details: fieldDetails(change.fields),
    evidence: change.evidence,
  };
}

/** A lookup over every record version of the snapshot. */
export function recordLookup(snapshot: RegistrySnapshot): RecordLookup {
  return (versionId) => (versionId === null ? undefined : snapshot.recordVersion(versionId));
}

/**
 * IANA dates its records (registered, modified): a change the record dates itself is dated so,
 * not by the later document that first shows it; other changes keep the document's date.
 */
function ownDate(change: ChangeRow, after: DatedRecord | undefined): string {
  const stated = change.kind === 'added' ? after?.registered : after?.modified;
  return stated && stated <= change.occurred && change.origin === 'diff' ? stated : change.occurred;
}

function changeHref(change: ChangeRow): string | undefined {
  if (change.portLow !== null) return portPath(change.portLow);
  return change.serviceName ? servicePath(change.serviceName) : undefined;
}
