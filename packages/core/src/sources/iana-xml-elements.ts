import type { Person, RegistryRecord } from '../model.ts';

/** What the XML parser reads from one registry text. */
export interface RegistryXml {
  registry: { title: string | null; updated: string | null };
  records: RegistryRecord[];
  people: Person[];
}

type Tag = 'record' | 'person';

/** Elements already parsed, by their exact bytes: weekly releases repeat 99% of their elements. */
const known: Record<Tag, Map<string, RegistryRecord | Person>> = {
  record: new Map(),
  person: new Map(),
};
/** 39,000 distinct records and ~5,000 people across all 450 releases; a bound keeps a long-lived process finite. */
const KNOWN_LIMIT = 100_000;

interface Span {
  tag: Tag;
  start: number;
  end: number;
}

/** The elements of the document read last, to compare bytes in order before hashing any. */
interface Previous {
  bytes: Buffer;
  spans: Span[];
  values: (RegistryRecord | Person)[];
}
const previous: Record<Tag, Previous> = {
  record: { bytes: Buffer.alloc(0), spans: [], values: [] },
  person: { bytes: Buffer.alloc(0), spans: [], values: [] },
};

/** Every `<tag>…</tag>` or `<tag attributes>…</tag>` element of the bytes from `from`, in order. */
function elementSpans(bytes: Buffer, tag: Tag, from: number): Span[] {
  const spans: Span[] = [];
  const open = Buffer.from(`<${tag}`);
  const close = Buffer.from(`</${tag}>`);
  for (let start = bytes.indexOf(open, from); start !== -1; start = bytes.indexOf(open, start)) {
    const next = bytes[start + open.length];
    // `<record>` or `<record date=…>`, not `<records>`.
    if (next !== 0x3e && next !== 0x20) {
      start += open.length;
      continue;
    }
    const end = bytes.indexOf(close, start);
    if (end === -1) break;
    const stop = end + close.length;
    spans.push({ tag, start, end: stop });
    start = stop;
  }
  return spans;
}

/** The element's bytes as a one-byte string: a lookup key, not text. */
function keyOf(bytes: Buffer, span: Span): string {
  return bytes.toString('latin1', span.start, span.end);
}

function sameBytes(bytes: Buffer, span: Span, other: Buffer, otherSpan: Span | undefined) {
  return (
    otherSpan !== undefined &&
    span.end - span.start === otherSpan.end - otherSpan.start &&
    bytes.compare(other, otherSpan.start, otherSpan.end, span.start, span.end) === 0
  );
}

/**
 * What each element was read as before, or undefined: first by comparing bytes with the element
 * expected at the same place in the document read last (most are), then by hashing its bytes.
 */
function lookUp(bytes: Buffer, spans: Span[], tag: Tag): (RegistryRecord | Person | undefined)[] {
  const last = previous[tag];
  let expected = 0;
  return spans.map((span) => {
    for (const step of [0, 1]) {
      if (sameBytes(bytes, span, last.bytes, last.spans[expected + step])) {
        expected += step + 1;
        return last.values[expected - 1];
      }
    }
    return known[tag].get(keyOf(bytes, span));
  });
}

/** Keeps what a read produced for each element it was given; false when the counts disagree. */
function remember(bytes: Buffer, unknown: Span[], read: RegistryXml): boolean {
  const records = unknown.filter((span) => span.tag === 'record');
  const people = unknown.filter((span) => span.tag === 'person');
  if (records.length !== read.records.length || people.length !== read.people.length) return false;
  if (known.record.size + known.person.size + unknown.length > KNOWN_LIMIT) {
    known.record.clear();
    known.person.clear();
  }
  records.forEach((span, i) => {
    known.record.set(keyOf(bytes, span), read.records[i] as RegistryRecord);
  });
  people.forEach((span, i) => {
    known.person.set(keyOf(bytes, span), read.people[i] as Person);
  });
  return true;
}

/** A copy: the caller may reuse the memory it handed in. */
function keepAsPrevious(document: Buffer, spans: Span[], result: RegistryXml): void {
  const bytes = Buffer.from(document);
  for (const tag of ['record', 'person'] as const) {
    const own = spans.filter((span) => span.tag === tag);
    const values = tag === 'record' ? result.records : result.people;
    previous[tag] =
      own.length === values.length
        ? { bytes, spans: own, values }
        : { bytes, spans: [], values: [] };
  }
}

/** A failure is reported by reading the whole document, so its message and line are the document's. */
function readOrNull(bytes: Uint8Array, read: (bytes: Uint8Array) => RegistryXml) {
  try {
    return read(bytes);
  } catch {
    return null;
  }
}

/**
 * Reads a registry document, sending through `read` only the `<record>` and `<person>` elements
 * not met in an earlier document; the rest of the document keeps its place, so the title and
 * date read the same. A document the shortcut cannot account for exactly is read whole.
 */
export function readWithKnownElements(
  document: Uint8Array,
  read: (bytes: Uint8Array) => RegistryXml,
): RegistryXml {
  const bytes = Buffer.from(document.buffer, document.byteOffset, document.byteLength);
  const records = elementSpans(bytes, 'record', 0);
  // IANA lists people after the records: searching from there halves the scanning.
  const people = elementSpans(bytes, 'person', records.at(-1)?.end ?? 0);
  const spans = [...records, ...people];
  const hits = [...lookUp(bytes, records, 'record'), ...lookUp(bytes, people, 'person')];
  const result = readKnowing(document, bytes, spans, hits, read);
  keepAsPrevious(bytes, spans, result);
  return result;
}

function readKnowing(
  document: Uint8Array,
  bytes: Buffer,
  spans: Span[],
  hits: (RegistryRecord | Person | undefined)[],
  read: (bytes: Uint8Array) => RegistryXml,
): RegistryXml {
  const pieces: Uint8Array[] = [];
  const unknown: Span[] = [];
  let at = 0;
  spans.forEach((span, i) => {
    if (hits[i]) {
      pieces.push(bytes.subarray(at, span.start));
      at = span.end;
    } else {
      unknown.push(span);
    }
  });
  if (unknown.length === spans.length) {
    const whole = read(document);
    remember(bytes, unknown, whole);
    return whole;
  }
  pieces.push(bytes.subarray(at));
  const partial = readOrNull(Buffer.concat(pieces), read);
  if (!partial || !remember(bytes, unknown, partial)) return read(document);
  const merged: RegistryXml = { registry: partial.registry, records: [], people: [] };
  let record = 0;
  let person = 0;
  spans.forEach((span, i) => {
    const hit = hits[i];
    if (span.tag === 'record') {
      merged.records.push((hit ?? partial.records[record++]) as RegistryRecord);
    } else {
      merged.people.push((hit ?? partial.people[person++]) as Person);
    }
  });
  return merged;
}
