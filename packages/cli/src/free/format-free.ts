import type { TextOptions } from '../terminal/output.ts';
import { type Column, formatTable } from '../terminal/table.ts';
import type { FreeBlock, FreePorts } from './free-ports.ts';

const BLOCK_COLUMNS: Column<FreeBlock>[] = [
  { header: 'LOW', cell: (b) => String(b.low) },
  { header: 'HIGH', cell: (b) => String(b.high) },
  { header: 'LENGTH', cell: (b) => String(b.length) },
];

/** Free blocks as a table under one line saying what was asked and what was found. */
export function formatFree(result: FreePorts, { paint, width }: TextOptions): string {
  const rules = [
    result.minLength > 1 ? `blocks of ${result.minLength} or more` : '',
    result.protocols ? `free on ${result.protocols.join(', ')}` : 'free on every protocol',
    result.web ? 'browsers allow' : '',
    result.at ? `as of ${result.at}` : '',
  ].filter(Boolean);
  if (result.near !== null) {
    const block = result.blocks[0];
    const found =
      result.nearestFree === null || !block
        ? 'none'
        : `${paint('bold', String(result.nearestFree))} (block ${block.low}-${block.high}, ${block.length} ${block.length === 1 ? 'port' : 'ports'})`;
    return `nearest free port to ${result.near}: ${found}  ${paint('dim', rules.join(', '))}\n`;
  }
  const heading = [
    paint('bold', `free ports in ${result.within.low}-${result.within.high}`),
    paint('dim', rules.join(', ')),
  ].join('  ');
  if (result.blocks.length === 0) return `${heading}\nnone\n`;
  const summary = `${result.blocks.length} ${result.blocks.length === 1 ? 'block' : 'blocks'}, ${result.freePorts} ports; lowest free ${result.nearestFree}`;
  return `${[heading, summary, '', ...formatTable(result.blocks, BLOCK_COLUMNS, paint, width)].join('\n')}\n`;
}
