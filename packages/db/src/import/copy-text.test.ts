import { describe, expect, it } from 'vitest';
import { copyField, copyText } from './copy-text.ts';

describe('COPY text format', () => {
  it('writes null as \\N and escapes what would end a field or a row', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('N')).toBe('N');
  });

  it('writes numbers, booleans and JSON for jsonb columns', () => {
    expect(copyField(6000)).toBe('6000');
    expect(copyField(false)).toBe('f');
    expect(copyField([{ type: 'rfc', data: 'rfc6335', text: 'a\\b' }])).toBe(
      '[{"type":"rfc","data":"rfc6335","text":"a\\\\\\\\b"}]',
    );
  });

  it('joins fields with tabs and rows with newlines, and gives nothing for no rows', () => {
    expect(
      copyText([
        ['x11', 6000, null],
        ['ssh', 22, 'line\nbreak'],
      ]),
    ).toBe('x11\t6000\t\\N\nssh\t22\tline\\nbreak\n');
    expect(copyText([])).toBe('');
  });
});
