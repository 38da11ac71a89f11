import { PortbookError } from '../errors.ts';
import type { Reference, RegistryRecord } from '../model.ts';
import { deriveStatus } from '../records/status.ts';
import { renderRegistryText } from './iana-markup.ts';
import { referenceFromXref, type Xref } from './iana-references.ts';
import { parsePortRange, parseProtocol, parseRegistryDate } from './registry-values.ts';

/** What the XML parser collects for one `<record>` before it is checked and typed. */
export interface RecordDraft {
  location: string;
  date: string | null;
  updated: string | null;
  elements: Map<string, string>;
  assignees: string[];
  personXrefs: string[];
  xrefs: Xref[];
}

export function newRecordDraft(location: string, attributes: Record<string, string>): RecordDraft {
  return {
    location,
    date: attributes.date ?? null,
    updated: attributes.updated ?? null,
    elements: new Map(),
    assignees: [],
    personXrefs: [],
    xrefs: [],
  };
}

/** Registry text in its CSV rendering; empty text means the field is absent. */
function present(text: string | undefined | null): string | null {
  const rendered = text === undefined || text === null ? '' : renderRegistryText(text);
  return rendered === '' ? null : rendered;
}

export function buildRecord(draft: RecordDraft): RegistryRecord {
  const { location, elements } = draft;
  const number = present(elements.get('number'));
  const protocol = present(elements.get('protocol'));
  const date = present(draft.date);
  const updated = present(draft.updated);
  const [contact = null, ...otherPeople] = draft.personXrefs;
  const references: Reference[] = otherPeople.map((data) => ({ type: 'person', data }));
  for (const xref of draft.xrefs) references.push(referenceFromXref(xref, location));
  if (draft.assignees.length > 1) {
    throw new PortbookError('MALFORMED_SOURCE', 'record has more than one assignee', { location });
  }
  const record: Omit<RegistryRecord, 'status'> = {
    serviceName: present(elements.get('name')),
    portRange: number === null ? null : parsePortRange(number, location),
    protocol: protocol === null ? null : parseProtocol(protocol, location),
    description: present(elements.get('description')),
    // Without an <assignee>, IANA's CSV lists the one person xref as both assignee and contact.
    assignee: draft.assignees[0] ?? contact,
    contact,
    registered: date === null ? null : parseRegistryDate(date, location),
    modified: updated === null ? null : parseRegistryDate(updated, location),
    references,
    serviceCode: present(elements.get('sc')),
    unauthorizedUse: present(elements.get('unauthorized')),
    notes: present(elements.get('note')),
  };
  return { ...record, status: deriveStatus(record) };
}
