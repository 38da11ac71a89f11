import { PortbookError } from '../errors.ts';
import type { Reference, RegistryRecord } from '../model.ts';
import { deriveStatus } from '../records/status.ts';
import { renderRegistryText } from './iana-markup.ts';
import { parseBracketList, referenceFromCsvItem } from './iana-references.ts';
import { parsePortRange, parseProtocol, parseRegistryDate } from './registry-values.ts';

export const IANA_CSV_HEADER = [
  'Service Name',
  'Port Number',
  'Transport Protocol',
  'Description',
  'Assignee',
  'Contact',
  'Registration Date',
  'Modification Date',
  'Reference',
  'Service Code',
  'Unauthorized Use Reported',
  'Assignment Notes',
] as const;

/** One CSV row, cells in `IANA_CSV_HEADER` order, as the record the XML would give. */
export function recordFromCsvRow(cells: string[], location: string): RegistryRecord {
  // Older CSVs (and copies of them) kept IANA's soft wraps; render them as today's CSV does.
  const cell = (index: number) => {
    const value = renderRegistryText(cells[index] ?? '');
    return value === '' ? null : value;
  };
  const number = cell(1);
  const protocol = cell(2);
  const registered = cell(6);
  const modified = cell(7);
  const assignees = parseBracketList(cells[4] ?? '');
  const contacts = parseBracketList(cells[5] ?? '');
  const [contact = null, ...otherContacts] = contacts;
  // Without an <assignee> the CSV repeats every contact as assignee; the XML has one assignee.
  const repeatsContacts = assignees.join('\n') === contacts.join('\n');
  if (assignees.length > 1 && !repeatsContacts) {
    throw new PortbookError('MALFORMED_SOURCE', 'record has more than one assignee', { location });
  }
  const references: Reference[] = otherContacts.map((data) => ({ type: 'person', data }));
  for (const item of parseBracketList(cells[8] ?? ''))
    references.push(referenceFromCsvItem(renderRegistryText(item)));
  const record: Omit<RegistryRecord, 'status'> = {
    serviceName: cell(0),
    portRange: number === null ? null : parsePortRange(number, location),
    protocol: protocol === null ? null : parseProtocol(protocol, location),
    description: cell(3),
    assignee: assignees[0] ?? null,
    contact,
    registered: registered === null ? null : parseRegistryDate(registered, location),
    modified: modified === null ? null : parseRegistryDate(modified, location),
    references,
    serviceCode: cell(9),
    unauthorizedUse: cell(10),
    notes: cell(11),
  };
  return { ...record, status: deriveStatus(record) };
}

/** The newest registration or modification date: the earliest day the registry can have been so. */
export function newestRecordDate(records: RegistryRecord[], origin: string): string {
  let newest: string | null = null;
  for (const { registered, modified } of records) {
    for (const date of [registered, modified]) {
      if (date !== null && (newest === null || date > newest)) newest = date;
    }
  }
  if (newest === null) {
    throw new PortbookError('INVALID_DATE', 'CSV states no date; pass the published date', {
      location: origin,
    });
  }
  return newest;
}
