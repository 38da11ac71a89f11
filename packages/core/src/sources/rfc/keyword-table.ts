import type { Protocol } from '../../model.ts';
import { columnOf, type TextLine } from '../port-numbers-text-lines.ts';
import { type TableEntry, toRegistryRecord } from '../port-numbers-text-record.ts';
import { readPortRange, withReferences } from '../port-numbers-text-row.ts';
import type { TagResolver } from '../port-numbers-text-table.ts';
import { splitTrailingTags } from '../port-numbers-text-tags.ts';

const HEADER = /^\s*Decimal\s+Keyword\s+Description/;
const ROW = /^(\s*)(\d+)(?:-(\d+))?(\s+)(\S.*)$/;
// RFC 1060 right-aligns the decimal column; a row's number ends within a few columns of the header's.
const DECIMAL_SLACK = 4;

/**
 * Reads the `Decimal  Keyword  Description  References` tables of RFC 900–1060. The keyword
 * column is often empty (`27   NSW User System FE`): text that starts in the description
 * column is description, text left of it is the keyword.
 */
export function readKeywordTable(
  lines: readonly TextLine[],
  protocols: readonly Protocol[],
  origin: string,
  resolveTags: TagResolver,
): { entries: TableEntry[]; anomalies: string[] } {
  const headerIndex = lines.findIndex(({ text }) => HEADER.test(text));
  const header = lines[headerIndex]?.text;
  const anomalies: string[] = [];
  if (header === undefined) return { entries: [], anomalies };
  const decimalColumn = columnOf(header, 'Decimal');
  const descriptionColumn = columnOf(header, 'Description');
  const entries: TableEntry[] = [];
  for (const { number, text } of lines.slice(headerIndex + 1)) {
    const match = ROW.exec(text);
    if (!match) continue;
    const [, lead = '', low = '', high, gap = '', rest = ''] = match;
    const numberEnd = lead.length + low.length + (high === undefined ? 0 : high.length + 1);
    if (lead.length > decimalColumn + DECIMAL_SLACK || numberEnd > descriptionColumn - 2) continue;
    const restColumn = numberEnd + gap.length;
    const keywordMatch = restColumn < descriptionColumn - 1 ? /^(\S+)\s*(.*)$/.exec(rest) : null;
    const keyword = keywordMatch?.[1] ?? null;
    const { text: description, tags } = splitTrailingTags((keywordMatch?.[2] ?? rest).trim());
    const location = `${origin}, line ${number}`;
    const range = readPortRange(high === undefined ? low : `${low}-${high}`, location);
    if (range === undefined) {
      anomalies.push(`line ${number}: port range ${low}-${high} is written backwards; no record`);
      continue;
    }
    const resolved = resolveTags(tags);
    for (const protocol of protocols) {
      const draft = {
        serviceName: keyword,
        portRange: range,
        protocol,
        description: description === '' ? null : description,
        contact: resolved.contacts.length > 0 ? resolved.contacts.join('\n') : null,
      };
      withReferences(draft, resolved.references);
      entries.push({ line: number, record: toRegistryRecord(draft) });
    }
  }
  return { entries, anomalies };
}
