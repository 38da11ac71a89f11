import { describe, expect, it } from 'vitest';
import { renderRegistryText, renderXref } from './iana-markup.ts';
import { parseBracketList, referenceFromCsvItem, referenceFromXref } from './iana-references.ts';

describe('xref rendering', () => {
  it('renders xrefs as the CSV does', () => {
    expect(renderXref({ type: 'rfc', data: 'rfc9483', text: null })).toBe('[RFC9483]');
    expect(renderXref({ type: 'person', data: 'Bernie_Volz', text: null })).toBe('[Bernie_Volz]');
    expect(renderXref({ type: 'uri', data: 'https://x.example/', text: 'TR-352' })).toBe(
      '[TR-352]',
    );
  });

  it('joins soft wraps, collapses repeated line breaks and trims', () => {
    expect(renderRegistryText(' for \n      "RadSec", an early\n    ')).toBe(
      'for "RadSec", an early',
    );
    expect(renderRegistryText('whois++\n\n\nIANA assigned')).toBe('whois++\nIANA assigned');
    expect(renderRegistryText('PON\n    (Passive Optical Network)')).toBe(
      'PON\n    (Passive Optical Network)',
    );
    expect(renderRegistryText('Defined TXT keys: \nenabled=<true|false>')).toBe(
      'Defined TXT keys: \nenabled=<true|false>',
    );
  });
});

describe('references', () => {
  it('keeps an xref text apart from its data, or as the data when there is no data', () => {
    expect(
      referenceFromXref(
        { type: 'draft', data: 'draft-zubov-snif-05', text: 'draft-zubov-snif-05, Section 4.3' },
        'r',
      ),
    ).toEqual({
      type: 'draft',
      data: 'draft-zubov-snif-05',
      text: 'draft-zubov-snif-05, Section 4.3',
    });
    expect(referenceFromXref({ type: 'text', data: null, text: 'n/a' }, 'r')).toEqual({
      type: 'text',
      data: 'n/a',
    });
    expect(() => referenceFromXref({ type: 'registry', data: 'x', text: null }, 'r')).toThrow(
      /unknown xref type/,
    );
  });

  it('splits a CSV reference cell into its items', () => {
    expect(parseBracketList('[1][RFC4727][RFC6335]')).toEqual(['1', 'RFC4727', 'RFC6335']);
    expect(parseBracketList('[a [nested] note][x]')).toEqual(['a [nested] note', 'x']);
    expect(parseBracketList('  ')).toEqual([]);
    expect(parseBracketList('plain text')).toEqual(['plain text']);
  });

  it('reads CSV items back as the references the XML gives', () => {
    expect(referenceFromCsvItem('RFC6335')).toEqual({ type: 'rfc', data: 'rfc6335' });
    expect(referenceFromCsvItem('RFC8765, Section 6.1')).toEqual({
      type: 'rfc',
      data: 'rfc8765',
      text: 'RFC8765, Section 6.1',
    });
    expect(referenceFromCsvItem('RFC-ietf-emailcore-rfc5321bis-43')).toEqual({
      type: 'draft',
      data: 'RFC-ietf-emailcore-rfc5321bis-43',
    });
    expect(referenceFromCsvItem('draft-zubov-snif-05, Section 4.3')).toEqual({
      type: 'draft',
      data: 'draft-zubov-snif-05',
      text: 'draft-zubov-snif-05, Section 4.3',
    });
    expect(referenceFromCsvItem('1')).toEqual({ type: 'note', data: '1' });
    expect(referenceFromCsvItem('https://xahau.network')).toEqual({
      type: 'uri',
      data: 'https://xahau.network',
    });
    expect(referenceFromCsvItem('ISO/IEC 13818-6 MPEG-2 DSM-CC')).toEqual({
      type: 'text',
      data: 'ISO/IEC 13818-6 MPEG-2 DSM-CC',
    });
  });
});
