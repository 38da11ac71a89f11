import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PortbookError } from '../errors.ts';
import { parseIanaXml } from './iana-xml.ts';

const xml = readFileSync(new URL('../../test/fixtures/iana/registry.xml', import.meta.url), 'utf8');

function parse(text: string) {
  return parseIanaXml(new TextEncoder().encode(text), 'release.xml');
}

/** The fixture as a later release: one record changed, one added, one gone, a new date. */
function nextRelease(text: string) {
  return text
    .replace('<updated>2026-08-17</updated>', '<updated>2026-08-24</updated>')
    .replace('<description>X Window System</description>', '<description>X11</description>')
    .replace(
      '  <record>\n    <description>Unassigned</description>\n    <number>5999</number>\n  </record>\n',
      '',
    )
    .replace(
      '  <record date="2003-11">',
      '  <record><name>new-one</name><protocol>udp</protocol><number>7000</number><description>New</description></record>\n  <record date="2003-11">',
    );
}

describe('reading releases that repeat most of their elements', () => {
  it('reads a release the same whether or not the one before it was read first', () => {
    const later = nextRelease(xml);
    const alone = parse(later);
    parse(xml);
    const afterEarlier = parse(later);
    expect(afterEarlier).toEqual(alone);
    expect(afterEarlier.published).toBe('2026-08-24');
    expect(afterEarlier.records.map((r) => r.description)).toContain('X11');
    expect(afterEarlier.records.map((r) => r.serviceName)).toContain('new-one');
    expect(afterEarlier.records.some((r) => r.portRange?.low === 5999)).toBe(false);
    expect(afterEarlier.people).toEqual(parse(xml).people);
  });

  it('reports an error in a new element at its line in the document', () => {
    parse(xml);
    const broken = xml.replace('<number>6000-6063</number>', '<number>6063-6000</number>');
    const line = broken.slice(0, broken.indexOf('6063-6000')).split('\n').length;
    let error: unknown;
    try {
      parse(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PortbookError);
    expect((error as PortbookError).code).toBe('PORT_OUT_OF_RANGE');
    expect(String((error as PortbookError).location)).toMatch(/line \d+/);
    const [, at] = /line (\d+)/.exec(String((error as PortbookError).location)) ?? [];
    expect(Number(at)).toBeLessThanOrEqual(line);
    expect(Number(at)).toBeGreaterThan(line - 8);
  });
});
