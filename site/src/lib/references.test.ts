import { describe, expect, it } from 'vitest';
import { linkCitations, referenceLink } from './references.ts';

describe('referenceLink', () => {
  it('sends RFCs to the RFC Editor', () => {
    expect(referenceLink({ type: 'rfc', data: 'rfc6335' })).toEqual({
      label: 'RFC 6335',
      href: 'https://www.rfc-editor.org/rfc/rfc6335',
    });
  });

  it('sends drafts to the Datatracker and keeps plain text unlinked', () => {
    expect(referenceLink({ type: 'draft', data: 'draft-ietf-tsvwg-iana-ports' }).href).toBe(
      'https://datatracker.ietf.org/doc/draft-ietf-tsvwg-iana-ports/',
    );
    expect(referenceLink({ type: 'text', data: 'Cisco' })).toEqual({
      label: 'Cisco',
      href: undefined,
    });
    expect(referenceLink({ type: 'uri', data: 'javascript:alert(1)' }).href).toBeUndefined();
  });
});

describe('linkCitations', () => {
  it('turns [RFCnnnn] citations in registry text into links', () => {
    expect(linkCitations('see [RFC1078] and [RFC 6335].')).toEqual([
      { text: 'see ' },
      { text: '[RFC1078]', href: 'https://www.rfc-editor.org/rfc/rfc1078' },
      { text: ' and ' },
      { text: '[RFC 6335]', href: 'https://www.rfc-editor.org/rfc/rfc6335' },
      { text: '.' },
    ]);
  });
});
