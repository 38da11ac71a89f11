import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useSite } from './session.ts';

// These read the real history (built from the shared data, always there in CI): the fixture
// documents hold none of these ports' stories, and a site built from them has no RFC 1700.
const realHistory = existsSync(join(inject('siteDist'), 'history', 'rfc-1700', 'index.html'));

describe.runIf(realHistory)('the sentences the real history reads as', () => {
  const site = useSite();

  it('port 15: NETSTAT from the 1973 socket list, Unassigned 1987–1990, netstat 1990–1992', async () => {
    const text = await site.text('/ports/15/');
    // tcp from 1973 and udp from 1981 under two descriptions, one holder: one era.
    expect(text).toContain(
      'Formerly: “Netstat or who-is-up function” (NETSTAT) 1973–1987; Unassigned 1987–1990; netstat 1990–1992.',
    );
    expect(text).not.toContain('NETSTAT (1984–1992)');
  });

  it('443 does not name 359 (a Reserved record) as free, and 359 is in no free block', async () => {
    const nearest = /The nearest port of a free block .* is (\d+)\./.exec(
      await site.text('/ports/443/'),
    )?.[1];
    expect(nearest).toBeDefined();
    expect(nearest).not.toBe('359');
    // The port it names is one the free blocks count as free.
    expect(await site.text(`/ports/${nearest}/`)).toMatch(/Free block: /);
    const reserved = await site.text('/ports/359/');
    expect(reserved).not.toContain('(1 ports)');
    expect(reserved).not.toContain('Free block:');
  });

  it('says what was added is an Unassigned record', async () => {
    expect(await site.text('/ports/22/')).toContain(
      '1992-07-01 added an Unassigned record for 22 (tcp, udp)',
    );
    expect(await site.text('/ports/11400/')).toContain(
      '2004-01-08 added an Unassigned record for 11372-11599',
    );
  });

  it('shows the years without a document on timelines and history pages', async () => {
    const gap = 'No document survives between 1994-10-01 and 2004-01-08';
    const ssh = await site.text('/ports/22/');
    expect(ssh).toContain(gap);
    expect(ssh).toContain('added ssh on 22 (tcp, udp) (first seen after the gap');
    // 1973–1977 too: the NCP socket lists of 1972–1973 open the timeline.
    expect(await site.page.locator('#timeline rect.gap, svg rect.gap').count()).toBe(3);
    expect(await site.text('/history/')).toContain(gap);
    expect(await site.text('/history/iana-2004-01-08/')).toContain(gap);
    expect(await site.text('/history/iana-2013-02-18/')).toContain(
      'No document survives between 2008-02-29 and 2013-02-18',
    );
    // Every document's page names the gaps of the whole timeline.
    expect(await site.text('/history/rfc-739/')).toContain(
      'Years without a document: 1973-04-13 to 1977-11-01; 1994-10-01 to 2004-01-08; 2008-02-29 to 2013-02-18',
    );
  });

  it('prints no literal \\n (IETF TSVWG, Randall Stewart)', async () => {
    const text = await site.text('/ports/9/');
    expect(text).toContain('IETF TSVWG, Randall Stewart');
    expect(text).not.toContain('\\n');
  });

  it('says the registrations chart counts registration dates', async () => {
    const text = await site.text('/history/');
    expect(text).toContain('Registration dates per year');
    expect(text).not.toContain('Assignments per year');
  });

  it("labels the ranges chart's areas in the drawing, its axis labels apart", async () => {
    await site.text('/ranges/');
    const labels = await site.page
      .locator('svg#range-history text.band-label, svg text.band-label')
      .allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining(['User Ports 1024–49151', expect.stringMatching(/^Dynamic Ports/)]),
    );
    const boxes = await site.page
      .locator('svg.chart text[text-anchor="end"]')
      .evaluateAll((nodes) =>
        nodes.map((node) => node.getBoundingClientRect()).map((box) => [box.top, box.bottom]),
      );
    boxes.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]?.[0]).toBeGreaterThanOrEqual(boxes[i - 1]?.[1] ?? 0);
    }
  });

  it('/ports/6010/ shows the real services(5) line of the x11 range and says what it is', async () => {
    const text = await site.text('/ports/6010/');
    expect(text).toContain('Port 6010 is inside the range 6000-6063 of x11');
    expect(text).toContain('6000/tcp');
    expect(text).not.toMatch(/x11\s+6010\/tcp/);
  });

  it('links a source page to its public home, with changes as named sentences', async () => {
    const text = await site.text('/history/rfc-739/');
    // RFC 739 is compared with RFC 503's socket list, which named port 15 already.
    expect(text).toContain('changed “Who is up or NETSTAT” on 15/tcp');
    const home = site.page.locator('dl.record a', { hasText: 'RFC Editor' });
    expect(await home.getAttribute('href')).toBe('https://www.rfc-editor.org/rfc/rfc739');
    await site.text('/history/iana-2026-08-17/');
    expect(
      await site.page.locator('dl.record a', { hasText: 'IANA' }).first().getAttribute('href'),
    ).toBe('https://www.iana.org/assignments/service-names-port-numbers/');
  });

  it('shows search results with labels apart from values', async () => {
    await site.page.goto(site.url('/search/?q=netconf-ssh'), { waitUntil: 'load' });
    const results = site.page.locator('#search-results li');
    await results.first().waitFor();
    const text = (await site.page.locator('#search-results').textContent()) ?? '';
    expect(text).not.toMatch(/Service namenetconf|Port830|Statusassigned/);
  });
});
