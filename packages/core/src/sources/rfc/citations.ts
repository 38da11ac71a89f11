import type { Reference } from '../../model.ts';
import type { TextLine } from '../port-numbers-text-lines.ts';
import type { ResolvedTags, TagResolver } from '../port-numbers-text-table.ts';
import type { Tag } from '../port-numbers-text-tags.ts';

/** An RFC's numbered bibliography (`[31] Postel, J., …`) and its PEOPLE list (`[JBP] Jon Postel …`). */
export interface Citations {
  bibliography: Map<number, string>;
  people: Map<string, string>;
}

const ENTRY = /^\s*\[([0-9]+|[A-Z][A-Za-z]*[0-9]*)\]\s+(\S.*)$/;
const MENTIONED_RFC = /\bRFC[ -]?(\d+)\b/;

/** Reads every `[n] citation` and `[INITIALS] name org mailbox` entry; the first of a tag wins. */
export function readCitations(lines: readonly TextLine[]): Citations {
  const bibliography = new Map<number, string>();
  const people = new Map<string, string>();
  for (let index = 0; index < lines.length; index++) {
    const match = ENTRY.exec((lines[index] as TextLine).text);
    if (!match?.[1] || !match[2]) continue;
    const [tag, first] = [match[1], match[2]];
    if (/^\d+$/.test(tag)) {
      const parts = [first.trim()];
      // A citation runs on over indented lines until a blank line or the next entry.
      for (let next = index + 1; next < lines.length; next++) {
        const text = (lines[next] as TextLine).text;
        if (text.trim() === '' || ENTRY.test(text)) break;
        parts.push(text.trim());
      }
      if (!bibliography.has(Number(tag))) bibliography.set(Number(tag), parts.join(' '));
    } else if (!people.has(tag)) {
      people.set(tag, personContact(first));
    }
  }
  return { bibliography, people };
}

/** `Jon Postel   ISI   Postel@ISI.EDU` → `Jon Postel <Postel@ISI.EDU>`, as later lists write contacts. */
function personContact(entry: string): string {
  const columns = entry.trim().split(/\s{2,}/);
  const name = columns[0] ?? entry.trim();
  const mailbox = columns.length > 1 ? columns.at(-1) : undefined;
  return mailbox?.includes('@') ? `${name} <${mailbox}>` : name;
}

/** Numbers become the RFC their citation names (or the citation as text); initials a contact. */
export function citationResolver(citations: Citations): TagResolver {
  return (tags: readonly Tag[]): ResolvedTags => {
    const references: Reference[] = [];
    const contacts: string[] = [];
    for (const tag of tags) {
      if (tag.kind === 'reference') references.push(tag.reference);
      else if (tag.kind === 'person')
        contacts.push(citations.people.get(tag.initials) ?? tag.initials);
      else references.push(citationReference(tag.number, citations.bibliography.get(tag.number)));
    }
    return { references, contacts };
  };
}

function citationReference(number: number, citation: string | undefined): Reference {
  if (citation === undefined) return { type: 'text', data: `[${number}]` };
  const rfc = MENTIONED_RFC.exec(citation);
  return rfc ? { type: 'rfc', data: `rfc${Number(rfc[1])}` } : { type: 'text', data: citation };
}
