import type { PortRange } from '../../model.ts';
import { isHeading, type TextLine, toTextLines } from '../port-numbers-text-lines.ts';
import { findSections } from '../port-numbers-text-sections.ts';
import { rfcNumberOf } from './editions.ts';
import { stripPageBreaks } from './pages.ts';

/** A sentence (or `General Assignments` row) in which a document states a port range or class. */
export interface RangeStatement {
  /** 1-based line of the original text where the quotation starts. */
  line: number;
  /** The words as written, with line breaks and runs of blanks collapsed to one space. */
  quotation: string;
  /** Every `a-b`, `a to b` or `a through b` the quotation names. */
  ranges: PortRange[];
}

const PORT_SECTION = /(?:PORT|SOCKET) NUMBERS$|^UNIX PORTS$|^DYNAMIC AND\/OR PRIVATE PORTS$/;
const TABLE_HEADER = /^\s*(?:Keyword|Decimal|Service Name)\s{2,}/;
const ABOUT_RANGES = /\branges?\b|\blow order eight bits\b|\bthrough\b/i;
const RANGE = /\b(\d{1,5})\s*(?:-|to|through)\s*(\d{1,5})\b/g;
const GENERAL_ROW = /^\s+(\d+)-(\d+)\s+[0-7]+-[0-7]+\s+\S/;

/**
 * What an Assigned Numbers RFC or a port-numbers file says about port ranges, from the prose of
 * its port sections (`For many years the assigned ports were in the range 0-255.`, `The assigned
 * ports have all except the low order eight bits cleared to zero.`) and RFC 739–790's socket
 * classes (`0-63  0-77  Network Wide Standard Function`).
 */
export function rangeStatements(text: string): RangeStatement[] {
  const all = toTextLines(text);
  const isRfc =
    rfcNumberOf(
      all
        .slice(0, 40)
        .map((line) => line.text)
        .join('\n'),
    ) !== undefined;
  const lines = isRfc ? stripPageBreaks(all) : all;
  const statements: RangeStatement[] = [];
  if (!isRfc) {
    // IANA's file opens with the three ranges, under a `PORT NUMBERS` title only until 2006.
    const firstHeading = lines.findIndex(({ text: line }) => isHeading(line));
    const preamble = firstHeading === -1 ? lines : lines.slice(0, firstHeading);
    for (const paragraph of paragraphs(preamble)) {
      statements.push(...sentenceStatements(paragraph));
    }
  }
  for (const section of findSections(lines)) {
    if (!PORT_SECTION.test(section.title)) continue;
    const tableAt = section.lines.findIndex(({ text: line }) => TABLE_HEADER.test(line));
    const prose = tableAt === -1 ? section.lines : section.lines.slice(0, tableAt);
    for (const paragraph of paragraphs(prose)) statements.push(...sentenceStatements(paragraph));
    statements.push(...generalAssignments(section.lines));
  }
  return statements;
}

function paragraphs(lines: readonly TextLine[]): TextLine[][] {
  const result: TextLine[][] = [[]];
  for (const line of lines) {
    if (line.text.trim() === '') result.push([]);
    else result.at(-1)?.push(line);
  }
  return result.filter((paragraph) => paragraph.length > 0);
}

function sentenceStatements(paragraph: readonly TextLine[]): RangeStatement[] {
  let joined = '';
  const starts: { offset: number; line: number }[] = [];
  for (const { number, text } of paragraph) {
    if (joined !== '') joined += ' ';
    starts.push({ offset: joined.length, line: number });
    joined += text.trim();
  }
  const statements: RangeStatement[] = [];
  for (const sentence of joined.matchAll(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)) {
    const quotation = sentence[0].replace(/\s+/g, ' ').trim();
    if (!ABOUT_RANGES.test(quotation) && rangesIn(quotation).length === 0) continue;
    const offset = sentence.index + (sentence[0].length - sentence[0].trimStart().length);
    const line =
      starts.findLast((start) => start.offset <= offset)?.line ?? paragraph[0]?.number ?? 0;
    statements.push({ line, quotation, ranges: rangesIn(quotation) });
  }
  return statements;
}

function generalAssignments(lines: readonly TextLine[]): RangeStatement[] {
  const statements: RangeStatement[] = [];
  let general = false;
  for (const { number, text } of lines) {
    if (/^\s*General Assignments:/.test(text)) general = true;
    else if (/^\s*Specific Assignments:/.test(text)) general = false;
    else if (general && GENERAL_ROW.test(text)) {
      const quotation = text.trim().replace(/\s+/g, ' ');
      statements.push({ line: number, quotation, ranges: rangesIn(quotation).slice(0, 1) });
    }
  }
  return statements;
}

function rangesIn(text: string): PortRange[] {
  return [...text.matchAll(RANGE)]
    .map((match) => ({ low: Number(match[1]), high: Number(match[2]) }))
    .filter(({ low, high }) => low <= high && high <= 65535);
}
