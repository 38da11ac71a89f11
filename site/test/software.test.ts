import { browserBlockedSince } from '@portbook/core';
import { softwareDefaults } from '@portbook/software';
import { describe, expect, it } from 'vitest';
import { useSite } from './session.ts';

/** What the data set says, so the pages are checked against it rather than against copies. */
const data = softwareDefaults();
const useOf = (id: string, port: number) => {
  const program = data.software.find((software) => software.id === id);
  const use = program?.uses.find((u) => u.low <= port && port <= u.high);
  if (!program || !use) throw new Error(`the data set has no ${id} on ${port}`);
  return { program, use };
};

describe('software defaults on the built site', () => {
  const site = useSite();
  const section = () => site.page.locator('section[aria-labelledby="also-used-by"]');

  it.each([
    [6010, 'openssh'],
    [6443, 'kubernetes'],
    [11434, 'ollama'],
    [5173, 'vite'],
    [60000, 'proxmox-ve'],
    [60000, 'coturn'],
  ])('port %i shows %s in its own section, with purpose, setting and source', async (port, id) => {
    const { program, use } = useOf(id, port);
    await site.page.goto(site.url(`/ports/${port}/`), { waitUntil: 'load' });
    expect(await section().locator('h2').textContent()).toMatch(
      /Also used by.*not IANA registrations/,
    );
    // Never among the registry's records (11434 is also IANA's ollama: the record stays IANA's).
    const records = site.page.locator('section[aria-labelledby="records"]');
    expect(await records.locator('a[href^="/software/"], a.citation').count()).toBe(0);
    const entry = section()
      .locator('dl.use, ul.range-uses li')
      .filter({ has: site.page.locator(`a[href="/software/${id}/"]`) })
      .filter({ hasText: use.purpose });
    expect(await entry.count()).toBe(1);
    expect(await entry.locator(`a.citation[href="${use.citation.url}"]`).textContent()).toBe(
      use.citation.title,
    );
    expect(await entry.locator(`a[href="/software/${id}/"]`).textContent()).toBe(program.name);
    if (use.setting) expect(await entry.textContent()).toContain(use.setting);
  });

  it('lists wide ranges on one line each, apart from the port’s own defaults', async () => {
    await site.page.goto(site.url('/ports/60000/'), { waitUntil: 'load' });
    const lines = section().locator('ul.range-uses li');
    expect(await lines.count()).toBeGreaterThan(3);
    expect(await section().locator('ul.range-uses dl').count()).toBe(0);
    expect(await section().locator('dl.use').count()).toBe(1);
  });

  it('names the conflict of Kubernetes with sun-sr-https on 6443', async () => {
    await site.page.goto(site.url('/ports/6443/'), { waitUntil: 'load' });
    const conflict = section().locator('li.conflict');
    expect(await conflict.count()).toBe(1);
    const text = await conflict.textContent();
    expect(text).toContain('Kubernetes');
    expect(text).toContain('sun-sr-https');
    expect(await conflict.locator('a[href="/services/sun-sr-https/"]').count()).toBe(1);
  });

  it.each([6667, 10080])(
    'port %i says browsers refuse it, citing the Fetch standard',
    async (port) => {
      const entry = data.browserBlocked.find((row) => row.port === port);
      if (!entry) throw new Error(`the data set does not list ${port}`);
      await site.page.goto(site.url(`/ports/${port}/`), { waitUntil: 'load' });
      const notice = site.page.locator('aside.browser-block');
      expect(await notice.locator('h2').textContent()).toBe(
        `Browsers refuse HTTP on this port since ${browserBlockedSince(entry)}`,
      );
      expect(await notice.locator(`a[href="${entry.citation.url}"]`).count()).toBe(1);
    },
  );

  it('gives each program a page, lists them all and lists every conflict', async () => {
    const kubernetes = await site.text('/software/kubernetes/');
    expect(kubernetes).toContain('not IANA registrations');
    expect(kubernetes).toContain('sun-sr-https');
    expect(await site.page.locator('a[href="/ports/6443/"]').count()).toBeGreaterThan(0);
    await site.page.goto(site.url('/software/'), { waitUntil: 'load' });
    expect(await site.page.locator('main a[href^="/software/"]').count()).toBe(
      data.software.length,
    );
    await site.page.goto(site.url('/conflicts/'), { waitUntil: 'load' });
    const conflicts = site.page.locator('li.conflict', { hasText: 'Kubernetes' });
    expect(await conflicts.locator('a[href="/ports/6443/"]').count()).toBe(1);
    expect(await site.page.locator('header nav a[href="/software/"]').count()).toBe(1);
  });

  it('finds a program by name in the site search', async () => {
    await site.page.goto(site.url('/search/?q=ollama'), { waitUntil: 'load' });
    const results = site.page.locator('#search-results li a');
    await results.first().waitFor();
    expect(
      await results.evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toContain('/software/ollama/');
  });
});
