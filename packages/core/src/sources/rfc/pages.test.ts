import { describe, expect, it } from 'vitest';
import { toTextLines } from '../port-numbers-text-lines.ts';
import { stripPageBreaks } from './pages.ts';

describe('stripPageBreaks', () => {
  it('blanks the footer, the form feed and the running header, keeping line numbers', () => {
    const text = [
      '   47    NI FTP',
      '',
      'Reynolds & Postel                                              [Page 13]',
      '\f',
      'Assigned Numbers                                                 RFC 900',
      'Port Numbers',
      '',
      '   49    Login Host Protocol',
    ].join('\n');
    const lines = stripPageBreaks(toTextLines(text));
    expect(lines.filter(({ text: line }) => line !== '')).toEqual([
      { number: 1, text: '   47    NI FTP' },
      { number: 8, text: '   49    Login Host Protocol' },
    ]);
  });

  it('leaves the line after a footer alone when it is not a running header', () => {
    const lines = stripPageBreaks(
      toTextLines('Postel        [Page 2]\n\n   5   5   Remote Job Entry'),
    );
    expect(lines.at(-1)?.text).toBe('   5   5   Remote Job Entry');
  });
});
