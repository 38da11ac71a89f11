import type { Reference } from '@portbook/core';

/** A reference as the page shows it: a label and, when there is one, where it leads. */
export interface ReferenceLink {
  label: string;
  href: string | undefined;
}

/** RFCs lead to the RFC Editor, drafts to the IETF Datatracker, URIs to themselves. */
export function referenceLink(reference: Reference): ReferenceLink {
  const { type, data, text } = reference;
  if (type === 'rfc') {
    const number = /^rfc-?0*(\d+)$/i.exec(data)?.[1];
    return number
      ? { label: text ?? `RFC ${number}`, href: `https://www.rfc-editor.org/rfc/rfc${number}` }
      : { label: text ?? data, href: undefined };
  }
  if (type === 'draft') {
    return {
      label: text ?? data,
      href: `https://datatracker.ietf.org/doc/${encodeURIComponent(data)}/`,
    };
  }
  if (type === 'uri' && /^https?:\/\//i.test(data)) return { label: text ?? data, href: data };
  return { label: text ?? data, href: undefined };
}

/** A piece of registry text: plain, or an `[RFC6335]`-style citation turned into a link. */
export type TextSegment = { text: string; href?: string };

const CITATION = /\[(RFC)\s?0*(\d+)\]/gi;

/** Splits description or note text so its RFC citations can be links. */
export function linkCitations(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let from = 0;
  for (const match of text.matchAll(CITATION)) {
    if (match.index > from) segments.push({ text: text.slice(from, match.index) });
    segments.push({ text: match[0], href: `https://www.rfc-editor.org/rfc/rfc${match[2]}` });
    from = match.index + match[0].length;
  }
  if (from < text.length) segments.push({ text: text.slice(from) });
  return segments;
}
