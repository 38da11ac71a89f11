import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PortbookError } from '../errors.ts';
import { parseSource } from './detect.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/iana/${name}`, import.meta.url));

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof PortbookError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('parseSource', () => {
  it('recognises the registry XML, gzip or not, and the IANA CSV', () => {
    const xml = parseSource(fixture('registry.xml'), 'registry.xml');
    expect(xml.kind).toBe('iana-xml');
    expect(parseSource(gzipSync(fixture('registry.xml')), 'registry.xml.gz')).toEqual({
      ...xml,
      origin: 'registry.xml.gz',
    });
    const csv = parseSource(fixture('registry.csv'), 'registry.csv', { published: '2026-08-17' });
    expect(csv.kind).toBe('iana-csv');
    expect(csv.edition).toBe('iana:2026-08-17');
  });

  it('refuses what is not a registry source', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const inputs: Record<string, Uint8Array> = {
      html: new TextEncoder().encode('<!DOCTYPE html><html><body>Service Name</body></html>'),
      png,
      json: new TextEncoder().encode('{"1/tcp": ["tcpmux", "TCP Port Service Multiplexer"]}'),
      empty: new Uint8Array(),
      otherXml: new TextEncoder().encode('<?xml version="1.0"?><registry id="protocol-numbers"/>'),
    };
    for (const [name, bytes] of Object.entries(inputs)) {
      expect(
        codeOf(() => parseSource(bytes, name)),
        name,
      ).toBe('UNSUPPORTED_FORMAT');
    }
  });
});
