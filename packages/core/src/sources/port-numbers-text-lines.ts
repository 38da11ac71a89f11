/** One line of a plain-text registry document: tabs expanded, form feeds and trailing blanks gone. */
export interface TextLine {
  /** 1-based line number in the original document. */
  number: number;
  text: string;
}

const TAB_STOP = 8;

/**
 * The text of IANA's port-numbers files and the RFCs. Most are ASCII; later port-numbers files
 * mix UTF-8 with Windows-1252 names (`Sch\xe4fer`), so strict UTF-8 falls back to Windows-1252.
 */
export function decodeLegacyText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Tabs to the next multiple of 8 columns, as the typewriter-era tables were aligned. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let expanded = '';
  for (const char of line) {
    if (char === '\t') expanded += ' '.repeat(TAB_STOP - (expanded.length % TAB_STOP));
    else expanded += char;
  }
  return expanded;
}

export function toTextLines(text: string): TextLine[] {
  return text.split(/\r?\n/).map((line, index) => ({
    number: index + 1,
    text: expandTabs(line.replace(/[\f\r]/g, '')).trimEnd(),
  }));
}

/** A centred or flush upper-case title: `REGISTERED PORT NUMBERS`, `ASSIGNED PORT or SOCKET NUMBERS`. */
export function isHeading(text: string): boolean {
  return /^\s*[A-Z]{2,}(?:[ /&-]+(?:[A-Z0-9]+|or))*$/.test(text);
}

/** The column where a table header names a column (`Description`, `Decimal`), or -1. */
export function columnOf(header: string, name: string): number {
  const match = new RegExp(`\\b${name}\\b`, 'i').exec(header);
  return match ? match.index : -1;
}
