import { describe, expect, it } from 'vitest';
import { portMapHtml } from './port-map.ts';

describe('portMapHtml', () => {
  const html = portMapHtml({
    statusOf: (port) => (port === 22 ? 'assigned' : port === 0 ? 'reserved' : 'unassigned'),
    namesOf: (port) => (port === 22 ? ['ssh'] : []),
    classOf: (port) => (port < 1024 ? 'system' : port < 49152 ? 'user' : 'dynamic'),
  });
  const rows = html.split('\n');

  it('draws 256 rows of 256 links, one per port in order', () => {
    expect(rows).toHaveLength(256);
    const links = [...html.matchAll(/<a href=\/ports\/(\d+)\//g)].map((m) => Number(m[1]));
    expect(links).toEqual(Array.from({ length: 65536 }, (_, port) => port));
  });

  it('marks status on cells and class on rows, with a tooltip naming the service', () => {
    expect(rows[0]).toMatch(/^<div class=cs><a href=\/ports\/0\/ class=r>0<\/a>/);
    expect(rows[0]).toContain('<a href=/ports/22/ class=a title="22 ssh">22</a>');
    expect(rows[4]?.startsWith('<div class=cu>')).toBe(true);
    expect(rows[192]?.startsWith('<div class=cd>')).toBe(true);
  });
});
