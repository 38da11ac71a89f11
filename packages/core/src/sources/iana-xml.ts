import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { PortbookError } from '../errors.ts';
import { type Person, RECORD_FIELDS, type RegistryRecord, type SourceDocument } from '../model.ts';
import { renderRegistryText, renderXref } from './iana-markup.ts';
import type { Xref } from './iana-references.ts';
import { type RegistryXml, readWithKnownElements } from './iana-xml-elements.ts';
import { buildRecord, newRecordDraft, type RecordDraft } from './iana-xml-record.ts';
import { parseRegistryDate } from './registry-values.ts';
import { decodeUtf8, decompressSource, sha256Hex } from './source-bytes.ts';

const REGISTRY_ID = 'service-names-port-numbers';
const RECORD_TEXT = new Set([
  'name',
  'protocol',
  'number',
  'description',
  'note',
  'sc',
  'unauthorized',
]);
const PERSON_TEXT = new Set(['name', 'org', 'uri', 'updated']);

/** Parser state while streaming one registry document. */
interface Reading {
  path: string[];
  text: string | null;
  xref: Xref | null;
  record: RecordDraft | null;
  person: Person | null;
  registry: { title: string | null; updated: string | null };
  records: RegistryRecord[];
  people: Person[];
}

/** `service-names-port-numbers.xml` (plain or gzip) as one SourceDocument; never partial. */
export function parseIanaXml(bytes: Uint8Array, origin: string): SourceDocument {
  const documentBytes = decompressSource(bytes, origin);
  const { registry, records, people } = readWithKnownElements(documentBytes, (text) =>
    readRegistryXml(decodeUtf8(text, origin), origin),
  );
  const { title, updated } = registry;
  if (updated === null) {
    throw new PortbookError('MALFORMED_SOURCE', 'registry has no <updated> date', {
      location: origin,
    });
  }
  const published = parseRegistryDate(updated, `${origin}, registry <updated>`);
  return {
    kind: 'iana-xml',
    edition: `iana:${published}`,
    title: title?.trim() ?? 'Service Name and Transport Protocol Port Number Registry',
    published,
    origin,
    sha256: sha256Hex(documentBytes),
    fields: RECORD_FIELDS,
    records,
    people,
  };
}

/** Streams one registry text through the XML parser: its title, date, records and people. */
function readRegistryXml(xml: string, origin: string): RegistryXml {
  const reading: Reading = {
    path: [],
    text: null,
    xref: null,
    record: null,
    person: null,
    registry: { title: null, updated: null },
    records: [],
    people: [],
  };
  const parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  parser.on('opentag', (tag) => openTag(reading, tag, parser.line));
  parser.on('closetag', (tag) => closeTag(reading, tag.name));
  const onText = (text: string) => {
    if (reading.xref) reading.xref.text = (reading.xref.text ?? '') + text;
    else if (reading.text !== null) reading.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  let closing = false;
  try {
    parser.write(xml);
    closing = true;
    parser.close();
  } catch (cause) {
    if (cause instanceof PortbookError) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    if (closing) {
      throw new PortbookError('TRUNCATED_SOURCE', `XML ends mid-document: ${message}`, {
        location: `${origin}, line ${parser.line}`,
        cause,
      });
    }
    throw new PortbookError('MALFORMED_SOURCE', `XML is not well-formed: ${message}`, {
      location: `${origin}, line ${parser.line}`,
      cause,
    });
  }
  return { registry: reading.registry, records: reading.records, people: reading.people };
}

function openTag(reading: Reading, tag: SaxesTagPlain, line: number): void {
  const { path } = reading;
  const parent = path.at(-1);
  const attributes = tag.attributes as Record<string, string>;
  path.push(tag.name);
  if (path.length === 1) {
    if (tag.name !== 'registry' || attributes.id !== REGISTRY_ID) {
      throw new PortbookError('UNSUPPORTED_FORMAT', `not the ${REGISTRY_ID} registry`, {
        location: `line ${line}`,
      });
    }
    return;
  }
  const record = reading.record;
  if (record) {
    openRecordChild(reading, record, tag.name, parent, attributes);
    return;
  }
  if (path.length === 2 && (tag.name === 'title' || tag.name === 'updated')) reading.text = '';
  else if (path.length === 2 && tag.name === 'record') {
    const location = `record ${reading.records.length + 1}, line ${line}`;
    reading.record = newRecordDraft(location, attributes);
  } else if (parent === 'people' && tag.name === 'person') {
    const id = attributes.id ?? '';
    reading.person = { id, name: null, org: null, uri: null, updated: null };
  } else if (parent === 'person' && reading.person && PERSON_TEXT.has(tag.name)) {
    reading.text = '';
  }
}

function openRecordChild(
  reading: Reading,
  record: RecordDraft,
  name: string,
  parent: string | undefined,
  attributes: Record<string, string>,
): void {
  if (name === 'xref') {
    reading.xref = { type: attributes.type ?? '', data: attributes.data ?? null, text: null };
  } else if (reading.text !== null && (name === 'br' || name === 'paragraph')) {
    // Paragraph markup is transparent: the CSV keeps only its text and the whitespace around it.
    if (name === 'br') reading.text += '\n';
  } else if (parent === 'record' && RECORD_TEXT.has(name)) {
    if (record.elements.has(name)) {
      throw new PortbookError('MALFORMED_SOURCE', `record has more than one <${name}>`, {
        location: record.location,
      });
    }
    reading.text = '';
  } else if (!(parent === 'record' && name === 'assignee')) {
    throw new PortbookError('MALFORMED_SOURCE', `unexpected <${name}> in <${parent}>`, {
      location: record.location,
    });
  }
}

function closeTag(reading: Reading, name: string): void {
  const { path, record, person } = reading;
  path.pop();
  const parent = path.at(-1);
  if (name === 'xref' && reading.xref) {
    closeXref(reading, parent);
  } else if (record && name === 'record' && path.length === 1) {
    reading.records.push(buildRecord(record));
    reading.record = null;
  } else if (record && parent === 'record' && RECORD_TEXT.has(name)) {
    record.elements.set(name, reading.text ?? '');
    reading.text = null;
  } else if (person && name === 'person') {
    reading.people.push(normalisePerson(person, reading.people.length + 1));
    reading.person = null;
  } else if (person && parent === 'person' && PERSON_TEXT.has(name)) {
    person[name as 'name' | 'org' | 'uri' | 'updated'] = reading.text;
    reading.text = null;
  } else if (path.length === 1 && (name === 'title' || name === 'updated')) {
    reading.registry[name] = reading.text;
    reading.text = null;
  }
}

function closeXref(reading: Reading, parent: string | undefined): void {
  const raw = reading.xref as Xref;
  reading.xref = null;
  const text = raw.text === null ? '' : renderRegistryText(raw.text);
  const xref: Xref = { ...raw, text: text === '' ? null : text };
  const record = reading.record;
  if (reading.text !== null) {
    reading.text += renderXref(xref);
  } else if (!record) {
    return;
  } else if (parent === 'assignee' && xref.type === 'person' && xref.data) {
    record.assignees.push(xref.data);
  } else if (parent === 'record' && xref.type === 'person' && xref.data) {
    record.personXrefs.push(xref.data);
  } else if (parent === 'record') {
    record.xrefs.push(xref);
  } else {
    throw new PortbookError('MALFORMED_SOURCE', `unexpected <xref> in <${parent}>`, {
      location: record.location,
    });
  }
}

function normalisePerson(person: Person, position: number): Person {
  const blank = (text: string | null) => (text === null || text.trim() === '' ? null : text.trim());
  const location = `person ${position} (${person.id})`;
  if (person.id === '') {
    throw new PortbookError('MALFORMED_SOURCE', 'person has no id', { location });
  }
  const updated = blank(person.updated);
  return {
    id: person.id,
    name: blank(person.name),
    org: blank(person.org),
    uri: blank(person.uri),
    updated: updated === null ? null : parseRegistryDate(updated, location),
  };
}
