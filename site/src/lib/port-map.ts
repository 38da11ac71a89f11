import { PORT_MAX, type Status } from '@portbook/core';

/** The port space as a 256 × 256 grid: one row per block of 256 ports. */
export const PORT_MAP_COLUMNS = 256;

export interface PortMapInput {
  statusOf(port: number): Status;
  /** Names shown in a cell's tooltip (assigned ports only). */
  namesOf(port: number): readonly string[];
  /** `system`, `user` or `dynamic`: today's class of the row's first port. */
  classOf(port: number): string | undefined;
}

const STATUS_CLASS: Partial<Record<Status, string>> = {
  assigned: 'a',
  reserved: 'r',
  deassigned: 'g',
  removed: 'g',
};

/**
 * 65,536 links, one per port, in rows of 256; written as a string because one page holds
 * them all, and kept terse (unquoted attributes, a class only where the status is not free).
 */
export function portMapHtml(input: PortMapInput): string {
  const rows: string[] = [];
  for (let first = 0; first <= PORT_MAX; first += PORT_MAP_COLUMNS) {
    const cells: string[] = [];
    for (let port = first; port < first + PORT_MAP_COLUMNS; port++) {
      const status = STATUS_CLASS[input.statusOf(port)];
      const names = status === 'a' ? input.namesOf(port) : [];
      const title =
        names.length > 0 ? ` title="${escapeAttribute(`${port} ${names.join(', ')}`)}"` : '';
      cells.push(`<a href=/ports/${port}/${status ? ` class=${status}` : ''}${title}>${port}</a>`);
    }
    const rowClass = input.classOf(first)?.[0];
    rows.push(`<div${rowClass ? ` class=c${rowClass}` : ''}>${cells.join('')}</div>`);
  }
  return rows.join('\n');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
