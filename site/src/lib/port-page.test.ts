import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures/snapshot.ts';
import { createPortContext } from './port-context.ts';
import { buildPortPage } from './port-page.ts';

const context = createPortContext(await fixtureSnapshot(), '2026-11-26');
const page = (port: number) => buildPortPage(port, context);

describe('buildPortPage', () => {
  it('shows records identical but for their protocol once, and every field of each', () => {
    const https = page(443);
    expect(https.title).toBe('Port 443 (TCP/UDP/SCTP) — https');
    expect(https.records.map((r) => r.protocols)).toEqual([['tcp', 'udp'], ['sctp']]);
    expect(https.records[1]?.registered).toBe('2007-11-06');
    expect(https.records[0]?.references).toEqual([
      { label: 'RFC 9110', href: 'https://www.rfc-editor.org/rfc/rfc9110' },
    ]);
    expect(page(22).records[0]?.assignee?.label).toBe('IESG');
    expect(page(22).records[0]?.contact?.label).toBe('IETF Chair, IETF');
  });

  it('quotes what RFC 204 and RFC 322 said of sockets 1 and 5 before the lists, and nothing elsewhere', () => {
    expect(page(1).statements.map((s) => [s.date, s.definedBy])).toEqual([
      ['1971-08-05', 'RFC 204, Sockets in use (5 August 1971)'],
      ['1972-03-26', 'RFC 322, Well Known Socket Numbers (26 March 1972)'],
    ]);
    expect(page(5).statements.map((s) => s.summary)).toEqual([
      'Socket 5 suggested for a mail-box protocol (RFC 196)',
    ]);
    expect(page(22).statements).toEqual([]);
  });

  it("tells a port's story from its first document, with the document of each event", () => {
    const netstat = page(15);
    expect(netstat.history.neverAssigned).toBe(false);
    expect(netstat.history.former).toEqual([
      {
        label: 'NETSTAT',
        aliases: ['NETSTAT'],
        unassigned: false,
        from: '1977-11-01',
        to: '1987-05-01',
      },
    ]);
    expect(netstat.history.events).toEqual([
      expect.objectContaining({
        date: '1987-05-01',
        kind: 'modified',
        sentence: 'changed NETSTAT on 15',
        details: ['description: “Who is up or NETSTAT” → “Unassigned [was netstat]”'],
        source: { label: 'RFC 1010: Assigned Numbers', path: '/history/rfc-1010/' },
      }),
    ]);
    expect(netstat.history.chart).toContain('<svg class="chart"');
    expect(netstat.eras.map((era) => era.id)).toContain('rfc739-network-wide');
  });

  it('gives a never-assigned port its class, free block, neighbours and ephemeral users', () => {
    const free = page(60000);
    expect(free.title).toBe('Port 60000 — unassigned, Dynamic Ports');
    expect(free.history).toMatchObject({ neverAssigned: true, chart: undefined, events: [] });
    expect(free.freeBlock).toEqual({ low: 49152, high: 65535 });
    expect(free.previous).toEqual({ port: 6443, names: ['sun-sr-https'] });
    expect(free.next).toBeUndefined();
    expect(free.ephemeral.map((range) => range.id)).toContain('linux');
  });

  it('lists the range that contains a port, and indexes only where a service starts', () => {
    expect(page(6010).ranges.map((r) => [r.serviceName, r.low, r.high])).toEqual([
      ['x11', 6000, 6063],
    ]);
    expect(page(6010).searchable).toBe(false);
    expect(page(6000).searchable).toBe(true);
    // The real line of the range (its first port), never a made-up `x11 6010/tcp`.
    expect(page(6010).etcServices.lines).toBe(
      'x11                     6000/tcp        # X Window System (range 6000-6063)',
    );
    expect(page(6010).etcServices.rangeNote).toContain(
      'Port 6010 is inside the range 6000-6063 of x11',
    );
    expect(page(6000).etcServices.rangeNote).toBeUndefined();
  });

  it('names the nearest assigned ports on both sides, with their services', () => {
    expect(page(443).previous).toEqual({ port: 63, names: ['whoispp'] });
    expect(page(443).next).toEqual({ port: 6000, names: ['x11'] });
    expect(page(6000).next?.port).toBe(6001);
    expect(page(22).previous).toBeUndefined();
    expect(page(7000).next).toBeUndefined();
  });

  it('gives a free port its free block, cut at its class, Unassigned ranges free and reserved ports not', () => {
    expect(page(40000).freeBlock).toEqual({ low: 6444, high: 49151 });
    expect(page(48700).freeBlock).toEqual({ low: 6444, high: 49151 });
    expect(page(100).freeBlock).toEqual({ low: 64, high: 442 });
    expect(page(0).freeBlock).toBeUndefined();
    expect(page(443).freeBlock).toBeUndefined();
    expect(page(0).nearestFree).toBe(1);
  });

  it('points a taken port to the nearest free one', () => {
    expect(page(22).nearestFree).toBe(21);
    expect(page(60000).nearestFree).toBe(60000);
  });
});
