import { describe, expect, it } from 'vitest';
import { servicesFileParams } from './services-file.ts';

describe('servicesFileParams', () => {
  it('reads a well-formed query string and refuses malformed percent-encoding', () => {
    expect(servicesFileParams('?protocol=tcp%2Cudp&within=1-1023').get('protocol')).toBe('tcp,udp');
    for (const search of ['?x=%', '?x=%zz', '?x=%E2%80']) {
      expect(() => servicesFileParams(search), search).toThrow(/percent-encoding/);
    }
  });
});
