import { describe, expect, it } from 'vitest';
import { describeFilter, servicesFileParams } from './services-file.ts';

describe('servicesFileParams', () => {
  it('reads a well-formed query string and refuses malformed percent-encoding', () => {
    expect(servicesFileParams('?protocol=tcp%2Cudp&within=1-1023').get('protocol')).toBe('tcp,udp');
    for (const search of ['?x=%', '?x=%zz', '?x=%E2%80']) {
      expect(() => servicesFileParams(search), search).toThrow(/percent-encoding/);
    }
  });
});

describe('describeFilter', () => {
  it('is one line of text whatever the query string holds', () => {
    expect(describeFilter(new URLSearchParams(''))).toBe('all protocols');
    expect(describeFilter(new URLSearchParams('protocol=tcp&within=22'))).toBe(
      'filter protocol=tcp&within=22',
    );
    const injected = describeFilter(new URLSearchParams('x=%0Aevil%201/tcp%0D%E2%80%A8%00y'));
    expect(injected).toBe('filter x= evil 1/tcp y');
    expect(describeFilter(new URLSearchParams(`x=${'a'.repeat(500)}`)).length).toBeLessThan(220);
  });
});
