import type { Xref } from './iana-references.ts';

const RFC_DATA = /^rfc(\d+)$/i;

/** IANA's CSV rendering of an xref: `[RFC6335]` for RFCs, else its text if any, else its data. */
export function renderXref(xref: Xref): string {
  if (xref.text !== null) return `[${xref.text}]`;
  const rfc = xref.type === 'rfc' && xref.data ? RFC_DATA.exec(xref.data) : null;
  return rfc ? `[RFC${rfc[1]}]` : `[${xref.data ?? ''}]`;
}

/**
 * Registry text as IANA's CSV renders it, so the XML and the CSV of one state give equal records:
 * a line ending in a space and continued indented is a soft wrap (joined with one space), runs of
 * line breaks (`<br/>` plus the source's own newline) become one, and the ends are trimmed.
 */
export function renderRegistryText(raw: string): string {
  return raw
    .replace(/ +\n[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
