import { PortbookError } from '../errors.ts';
import { REFERENCE_TYPES, type Reference, type ReferenceType } from '../model.ts';

/** An `<xref>` as the registry XML writes it: `data` attribute and/or text content. */
export interface Xref {
  type: string;
  data: string | null;
  text: string | null;
}

const RFC = /^RFC(\d+)(?:, Section \S.*)?$/is;
const DRAFT = /^((?:draft|RFC)-[^\s,]+)(?:, Section \S.*)?$/s;
const FOOTNOTE = /^\d+$/;
const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** A record-level xref as a Reference; a text-only xref keeps its text as the data. */
export function referenceFromXref(xref: Xref, location: string): Reference {
  if (!(REFERENCE_TYPES as readonly string[]).includes(xref.type)) {
    throw new PortbookError('MALFORMED_SOURCE', `unknown xref type "${xref.type}"`, { location });
  }
  const type = xref.type as ReferenceType;
  if (xref.data !== null) {
    return xref.text === null
      ? { type, data: xref.data }
      : { type, data: xref.data, text: xref.text };
  }
  if (xref.text !== null) return { type, data: xref.text };
  throw new PortbookError('MALFORMED_SOURCE', 'xref has neither data nor text', { location });
}

/**
 * Splits a CSV cell such as `[1][RFC4727][RFC6335]` into its bracketed items; brackets inside an
 * item nest. A cell that is not a list of items is one item.
 */
export function parseBracketList(cell: string): string[] {
  const text = cell.trim();
  if (text === '') return [];
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '[') {
      if (depth === 0) start = index + 1;
      depth++;
    } else if (char === ']' && depth > 0) {
      depth--;
      if (depth === 0) items.push(text.slice(start, index));
    } else if (depth === 0) {
      return [text];
    }
  }
  return depth === 0 ? items : [text];
}

/**
 * The Reference an XML xref would give for one CSV reference item. The CSV drops a URI when the
 * xref has display text (`[TR-352]`), so such an item can only be read back as text.
 */
export function referenceFromCsvItem(item: string): Reference {
  const rfc = RFC.exec(item);
  if (rfc) {
    const data = `rfc${rfc[1]}`;
    return item.length === data.length ? { type: 'rfc', data } : { type: 'rfc', data, text: item };
  }
  if (FOOTNOTE.test(item)) return { type: 'note', data: item };
  const draft = DRAFT.exec(item);
  if (draft?.[1]) {
    return draft[1] === item
      ? { type: 'draft', data: item }
      : { type: 'draft', data: draft[1], text: item };
  }
  if (URI.test(item)) return { type: 'uri', data: item };
  return { type: 'text', data: item };
}
