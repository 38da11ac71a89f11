import type { Reference } from '../model.ts';
import type { TextLine } from './port-numbers-text-lines.ts';
import type { ResolvedTags, TagResolver } from './port-numbers-text-table.ts';
import type { Tag } from './port-numbers-text-tags.ts';

const ENTRY = /^\[([^\]]+)\]\s*(.*)$/;
const CITED_RFC = /\bRFC[ -]?(\d+)\b/;

/** The REFERENCES section: `[RFC768] Postel, J., "User Datagram Protocol", …` by tag (`.txt` dropped). */
export function readReferenceList(lines: readonly TextLine[]): Map<string, string> {
  const list = new Map<string, string>();
  let tag: string | undefined;
  for (const { text } of lines) {
    const entry = ENTRY.exec(text);
    if (entry?.[1]) {
      tag = entry[1].replace(/\.txt$/, '');
      list.set(tag, (entry[2] ?? '').trim());
    } else if (tag !== undefined && text.trim() !== '') {
      list.set(tag, `${list.get(tag)} ${text.trim()}`.trim());
    } else {
      tag = undefined;
    }
  }
  return list;
}

/**
 * Tags as typed references. A draft placeholder (`[RFC-ietf-dccp-spec-13.txt]`) becomes the RFC
 * its REFERENCES entry cites once that entry names a number (most still say `RFC XXXX`).
 */
export function referenceListResolver(list: ReadonlyMap<string, string>): TagResolver {
  return (tags: readonly Tag[]): ResolvedTags => {
    const references: Reference[] = [];
    const contacts: string[] = [];
    for (const tag of tags) {
      if (tag.kind === 'person') contacts.push(tag.initials);
      else if (tag.kind === 'citation') references.push({ type: 'text', data: `[${tag.number}]` });
      else references.push(resolveDraft(tag.reference, list));
    }
    return { references, contacts };
  };
}

function resolveDraft(reference: Reference, list: ReadonlyMap<string, string>): Reference {
  if (reference.type !== 'draft') return reference;
  const cited = CITED_RFC.exec(list.get(reference.data) ?? '');
  return cited ? { type: 'rfc', data: `rfc${Number(cited[1])}` } : reference;
}
