import type { PortRange } from '../model.ts';
import { columnOf, isHeading, type TextLine } from './port-numbers-text-lines.ts';
import type { PortTable } from './port-numbers-text-record.ts';
import { readServiceTable, type TagResolver } from './port-numbers-text-table.ts';

/** A titled part of a document: its heading line and the lines up to the next heading. */
export interface Section {
  title: string;
  line: number;
  lines: TextLine[];
}

export function findSections(lines: readonly TextLine[]): Section[] {
  const sections: Section[] = [];
  for (const line of lines) {
    if (isHeading(line.text)) {
      sections.push({ title: line.text.trim().replace(/\s+/g, ' '), line: line.number, lines: [] });
    } else {
      sections.at(-1)?.lines.push(line);
    }
  }
  return sections;
}

const SERVICE_HEADER = /^\s*(?:Keyword\s+Decimal|Service Name\s+Port\/Protocol)\s+Description/;
const ALL_PORTS = { low: 0, high: 65535 };
const STATED_RANGE = /\b(\d{1,5})\s*(?:-|to|through)\s*(\d{1,5})\b/g;

/**
 * The `keyword port/proto description` table of one section, from its column header to the
 * next heading. Its range is the last one its prose states (`The Registered Ports are in the
 * range 1024-49151.`), or `range` when given or when the prose states none.
 */
export function readServiceSection(
  section: Section,
  origin: string,
  resolveTags: TagResolver,
  range?: PortRange,
): PortTable | undefined {
  const headerIndex = section.lines.findIndex(({ text }) => SERVICE_HEADER.test(text));
  const header = section.lines[headerIndex]?.text;
  if (header === undefined) return undefined;
  const columns = {
    port: Math.max(columnOf(header, 'Decimal'), columnOf(header, 'Port')),
    description: columnOf(header, 'Description'),
  };
  const prose = section.lines
    .slice(0, headerIndex)
    .map(({ text }) => text)
    .join('\n');
  const stated = [...prose.matchAll(STATED_RANGE)].at(-1);
  const { entries, anomalies } = readServiceTable({
    lines: section.lines.slice(headerIndex + 1),
    columns,
    origin,
    resolveTags,
  });
  return {
    title: section.title,
    line: section.line,
    range: range ?? (stated ? { low: Number(stated[1]), high: Number(stated[2]) } : ALL_PORTS),
    entries,
    anomalies,
  };
}
