import type { Reference } from '../model.ts';

/** What a bracketed tag such as `[RFC768]`, `[17,JBP]` or `[RFC-ietf-dccp-spec-13.txt]` names. */
export type Tag =
  | { kind: 'reference'; reference: Reference }
  /** A numbered entry of the document's own bibliography (Assigned Numbers RFCs). */
  | { kind: 'citation'; number: number }
  /** Initials from the document's PEOPLE list (`JBP`, `BV15`). */
  | { kind: 'person'; initials: string };

const RFC_TAG = /^RFC\s?-?\s?(\d+)$/i;
// IANA's placeholder for an approved draft awaiting its RFC number; the XML keeps it as a draft xref.
const DRAFT_TAG = /^(RFC-[A-Za-z0-9.-]+?)(?:\.txt)?$/;
const CITATION_TAG = /^\d{1,3}$/;
const PERSON_TAG = /^[A-Z]{2,6}\d{0,3}$/;

/** The tag's meaning, or undefined when the brackets hold description text (`[Control]`). */
export function classifyTag(tag: string): Tag | undefined {
  const rfc = RFC_TAG.exec(tag);
  if (rfc) return { kind: 'reference', reference: { type: 'rfc', data: `rfc${Number(rfc[1])}` } };
  const draft = DRAFT_TAG.exec(tag);
  if (draft?.[1]) return { kind: 'reference', reference: { type: 'draft', data: draft[1] } };
  if (CITATION_TAG.test(tag)) return { kind: 'citation', number: Number(tag) };
  if (PERSON_TAG.test(tag)) return { kind: 'person', initials: tag };
  return undefined;
}

/**
 * Splits a trailing `[…]` reference column off a description. The brackets count as references
 * only when every comma-separated item is a tag; `File Transfer [Control]` keeps its brackets.
 */
export function splitTrailingTags(text: string): { text: string; tags: Tag[] } {
  const match = /\s*\[([^[\]]*)\]\s*$/.exec(text);
  if (!match?.[1]) return { text, tags: [] };
  const tags = match[1].split(',').map((item) => classifyTag(item.trim()));
  if (tags.some((tag) => tag === undefined)) return { text, tags: [] };
  return { text: text.slice(0, match.index).trimEnd(), tags: tags as Tag[] };
}

export function referencesOf(tags: readonly Tag[]): Reference[] {
  return tags.flatMap((tag) => (tag.kind === 'reference' ? [tag.reference] : []));
}
