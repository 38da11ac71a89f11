import type { PortRange, Protocol } from '../../model.ts';
import type { TextLine } from '../port-numbers-text-lines.ts';
import { type TableEntry, toRegistryRecord } from '../port-numbers-text-record.ts';
import { readPortRange, withReferences } from '../port-numbers-text-row.ts';
import type { TagResolver } from '../port-numbers-text-table.ts';
import { splitTrailingTags } from '../port-numbers-text-tags.ts';

/** A `General Assignments` row: a class of sockets, not an assignment (`0-63  0-77  Network Wide Standard Function`). */
export interface GeneralAssignment {
  line: number;
  text: string;
  range: PortRange;
}

export interface OctalTable {
  entries: TableEntry[];
  general: GeneralAssignment[];
  /** Rows whose octal column disagrees with the decimal one; the decimal column is kept. */
  anomalies: string[];
}

const ROW = /^\s+(\d+)(?:-(\d+))?\s+(\d+)(?:-(\d+))?\s+(\S.*)$/;

/**
 * Reads the `Decimal  Octal  Description  References` tables of RFC 739–870. Each row names the
 * port twice; the octal is converted and checked, and the row is filed once per protocol the
 * section says the numbers serve.
 */
export function readOctalTable(
  lines: readonly TextLine[],
  protocols: readonly Protocol[],
  origin: string,
  resolveTags: TagResolver,
): OctalTable {
  const table: OctalTable = { entries: [], general: [], anomalies: [] };
  let general = false;
  for (const { number, text } of lines) {
    if (/^\s*General Assignments:/.test(text)) general = true;
    if (/^\s*(?:Specific|Port) Assignments:/.test(text)) general = false;
    const match = ROW.exec(text);
    if (!match) continue;
    const [, low = '', high, octalLow = '', octalHigh, rest = ''] = match;
    const location = `${origin}, line ${number}`;
    const range = readPortRange(high === undefined ? low : `${low}-${high}`, location);
    if (range === undefined) {
      table.anomalies.push(
        `line ${number}: port range ${low}-${high} is written backwards; no record`,
      );
      continue;
    }
    const octal = octalRange(octalLow, octalHigh);
    if (octal?.low !== range.low || octal.high !== range.high) {
      const written = octalHigh === undefined ? octalLow : `${octalLow}-${octalHigh}`;
      table.anomalies.push(
        `line ${number}: octal ${written} does not match decimal ${low}${high ? `-${high}` : ''}`,
      );
    }
    if (general) {
      table.general.push({ line: number, text: text.trim().replace(/\s+/g, ' '), range });
      continue;
    }
    const { text: description, tags } = splitTrailingTags(rest.trim());
    const resolved = resolveTags(tags);
    for (const protocol of protocols) {
      const draft = {
        serviceName: null,
        portRange: range,
        protocol,
        description,
        contact: null as string | null,
      };
      withReferences(draft, resolved.references);
      if (resolved.contacts.length > 0) draft.contact = resolved.contacts.join('\n');
      table.entries.push({ line: number, record: toRegistryRecord(draft) });
    }
  }
  return table;
}

function octalRange(low: string, high: string | undefined): PortRange | undefined {
  if (!/^[0-7]+$/.test(low) || (high !== undefined && !/^[0-7]+$/.test(high))) return undefined;
  const lowValue = Number.parseInt(low, 8);
  return { low: lowValue, high: high === undefined ? lowValue : Number.parseInt(high, 8) };
}
