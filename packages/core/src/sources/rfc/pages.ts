import type { TextLine } from '../port-numbers-text-lines.ts';

const FOOTER = /\[Page \d+\]$/;
const RUNNING_HEADER = /\bRFC\b|Assigned Numbers/i;

/**
 * The lines with every page break blanked: the footer (`Reynolds & Postel  [Page 9]`), and the
 * running header after it (`RFC 1700  Assigned Numbers  October 1994`, plus the section name
 * older RFCs print beneath it). Line numbers stay those of the original text.
 */
export function stripPageBreaks(lines: readonly TextLine[]): TextLine[] {
  const result = lines.map((line) => ({ ...line }));
  for (let index = 0; index < result.length; index++) {
    const footer = result[index] as TextLine;
    if (!FOOTER.test(footer.text)) continue;
    footer.text = '';
    let next = index + 1;
    while (next < result.length && (result[next] as TextLine).text.trim() === '') next++;
    if (!RUNNING_HEADER.test(result[next]?.text ?? '')) continue;
    while (next < result.length && (result[next] as TextLine).text.trim() !== '') {
      (result[next] as TextLine).text = '';
      next++;
    }
    index = next - 1;
  }
  return result;
}
