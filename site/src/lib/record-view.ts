import type { AssignmentRow, PersonRecordRow, Protocol, Status } from '@portbook/core';
import { portRangeText } from '@portbook/core';
import { type ReferenceLink, referenceLink } from './references.ts';

/** A person or team as the registry names them, with a link when their URI is a web page. */
export interface PersonView {
  id: string;
  label: string;
  href: string | undefined;
}

/** Every field IANA publishes for one record, ready to print. */
export interface RecordView {
  id: string;
  /** The records shown as this one: one per protocol. */
  ids: string[];
  serviceName: string | null;
  /** The protocols of records identical but for their protocol, shown once (22 tcp, udp, sctp). */
  protocols: Protocol[];
  low: number | null;
  high: number | null;
  description: string | null;
  status: Status;
  assignee: PersonView | undefined;
  contact: PersonView | undefined;
  registered: string | null;
  modified: string | null;
  references: ReferenceLink[];
  serviceCode: string | null;
  unauthorizedUse: string | null;
  notes: string | null;
  validFrom: string;
}

/** A person by id, as the snapshot knows them. */
export type PersonLookup = (id: string) => PersonRecordRow | undefined;

export function recordView(record: AssignmentRow, personOf: PersonLookup): RecordView {
  return {
    id: record.id,
    ids: [record.id],
    serviceName: record.serviceName,
    protocols: record.protocol ? [record.protocol] : [],
    low: record.portLow,
    high: record.portHigh,
    description: record.description,
    status: record.status,
    assignee: personView(record.assigneeId, personOf),
    contact: personView(record.contactId, personOf),
    registered: record.registered,
    modified: record.modified,
    references: record.references.map(referenceLink),
    serviceCode: record.serviceCode,
    unauthorizedUse: record.unauthorizedUse,
    notes: record.notes,
    validFrom: record.validFrom,
  };
}

/** `6000-6063` or `443`. */
export { portRangeText };

function personView(id: string | null, personOf: PersonLookup): PersonView | undefined {
  if (id === null) return undefined;
  const person = personOf(id);
  const label = [person?.name, person?.org].filter(Boolean).join(', ') || id.replaceAll('_', ' ');
  const href = person?.uri && /^https?:\/\//i.test(person.uri) ? person.uri : undefined;
  return { id, label, href };
}

/** Folds records that differ only in protocol into one, keeping the registry's order. */
export function mergeProtocols(views: readonly RecordView[]): RecordView[] {
  const merged = new Map<string, RecordView>();
  for (const view of views) {
    const key = JSON.stringify({ ...view, id: '', ids: [], protocols: [] });
    const known = merged.get(key);
    if (known) {
      known.protocols.push(...view.protocols);
      known.ids.push(...view.ids);
    } else merged.set(key, { ...view, ids: [...view.ids], protocols: [...view.protocols] });
  }
  return [...merged.values()];
}
