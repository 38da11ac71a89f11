import type { Protocol, Status } from '@portbook/core';
import type { Assignment, PersonRow } from '@portbook/db';
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

export function recordView(record: Assignment, people: ReadonlyMap<string, PersonRow>): RecordView {
  return {
    id: record.id,
    serviceName: record.serviceName,
    protocols: record.protocol ? [record.protocol] : [],
    low: record.portLow,
    high: record.portHigh,
    description: record.description,
    status: record.status,
    assignee: personView(record.assigneeId, people),
    contact: personView(record.contactId, people),
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
function personView(
  id: string | null,
  people: ReadonlyMap<string, PersonRow>,
): PersonView | undefined {
  if (id === null) return undefined;
  const person = people.get(id);
  const label = [person?.name, person?.org].filter(Boolean).join(', ') || id.replaceAll('_', ' ');
  const href = person?.uri && /^https?:\/\//i.test(person.uri) ? person.uri : undefined;
  return { id, label, href };
}

/** Folds records that differ only in protocol into one, keeping the registry's order. */
export function mergeProtocols(views: readonly RecordView[]): RecordView[] {
  const merged = new Map<string, RecordView>();
  for (const view of views) {
    const key = JSON.stringify({ ...view, id: '', protocols: [] });
    const known = merged.get(key);
    if (known) known.protocols.push(...view.protocols);
    else merged.set(key, { ...view, protocols: [...view.protocols] });
  }
  return [...merged.values()];
}
