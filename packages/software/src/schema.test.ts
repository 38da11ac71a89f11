import { describe, expect, it } from 'vitest';
import { softwareFileSchema } from './schema.ts';
import { parseDataFile } from './validation.ts';

const use = {
  low: 6443,
  high: 6443,
  protocols: ['tcp'],
  purpose: 'API server (HTTPS)',
  setting: 'kube-apiserver --secure-port',
  citation: {
    url: 'https://kubernetes.io/docs/reference/networking/ports-and-protocols/',
    title: 'Ports and Protocols | Kubernetes',
  },
};
const entry = {
  id: 'kubernetes',
  name: 'Kubernetes',
  category: 'containers',
  homepage: 'https://kubernetes.io/',
  uses: [use],
};

function parse(input: unknown) {
  return () => parseDataFile(softwareFileSchema('containers'), input, 'containers.json');
}

describe('software schema', () => {
  it('accepts a well-formed entry', () => {
    expect(parse([entry])()).toEqual([entry]);
  });

  it.each([
    [
      'an unknown entry field',
      [{ ...entry, vendor: 'CNCF' }],
      /kubernetes \(entry 0\): Unrecognized key: "vendor"/,
    ],
    [
      'an unknown use field',
      [{ ...entry, uses: [{ ...use, note: 'x' }] }],
      /uses\[0\]: Unrecognized key: "note"/,
    ],
    [
      'a port above 65535',
      [{ ...entry, uses: [{ ...use, high: 65536 }] }],
      /uses\[0\]\.high: port must be 0\.\.65535/,
    ],
    [
      'a negative port',
      [{ ...entry, uses: [{ ...use, low: -1 }] }],
      /uses\[0\]\.low: port must be 0\.\.65535/,
    ],
    [
      'a fractional port',
      [{ ...entry, uses: [{ ...use, low: 80.5 }] }],
      /uses\[0\]\.low: port must be an integer/,
    ],
    [
      'low above high',
      [{ ...entry, uses: [{ ...use, low: 6444 }] }],
      /uses\[0\]\.low: low must not be greater than high/,
    ],
    [
      'a missing citation',
      [{ ...entry, uses: [{ ...use, citation: undefined }] }],
      /uses\[0\]\.citation/,
    ],
    [
      'a citation without a title',
      [{ ...entry, uses: [{ ...use, citation: { url: use.citation.url, title: ' ' } }] }],
      /citation\.title: citation title must not be empty/,
    ],
    [
      'a malformed citation URL',
      [{ ...entry, uses: [{ ...use, citation: { ...use.citation, url: 'kubernetes.io/docs' } }] }],
      /citation\.url: must be an https URL/,
    ],
    [
      'an http citation URL',
      [
        {
          ...entry,
          uses: [{ ...use, citation: { ...use.citation, url: 'http://kubernetes.io/' } }],
        },
      ],
      /citation\.url: must be an https URL/,
    ],
    [
      'an unknown category',
      [{ ...entry, category: 'orchestration' }],
      /kubernetes \(entry 0\)\.category: Invalid option/,
    ],
    [
      'a category other than its file',
      [{ ...entry, category: 'web' }],
      /category: category must be "containers", the name of its file/,
    ],
    [
      'an unknown protocol',
      [{ ...entry, uses: [{ ...use, protocols: ['quic'] }] }],
      /protocols\[0\]: Invalid option/,
    ],
    [
      'protocols out of order',
      [{ ...entry, uses: [{ ...use, protocols: ['udp', 'tcp'] }] }],
      /protocols must be unique and in the order tcp, udp, sctp, dccp/,
    ],
    [
      'no protocol',
      [{ ...entry, uses: [{ ...use, protocols: [] }] }],
      /a use needs at least one protocol/,
    ],
    ['no uses', [{ ...entry, uses: [] }], /software needs at least one use/],
    ['an id that is not a slug', [{ ...entry, id: 'Kubernetes API' }], /id must be a slug/],
  ])('rejects %s with a message naming the place', (_, input, message) => {
    expect(parse(input)).toThrow(message);
    expect(parse(input)).toThrow(expect.objectContaining({ code: 'MALFORMED_SOURCE' }));
  });
});
