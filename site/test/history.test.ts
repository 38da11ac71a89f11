import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type StaticServer, serveSite } from '../scripts/static-server.ts';
import { launchChromium, watchedPage } from './browser.ts';

/** Within the port range this test suite is given. */

describe('the history pages and the feed in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serveSite(inject('siteDist'));
    browser = await launchChromium();
    page = await watchedPage(browser, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the growth chart with a title, a description and axis labels that do not overlap', async () => {
    await page.goto(`${server.url}/history/`);
    const chart = page.locator('svg[aria-labelledby="registry-growth-t registry-growth-d"]');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('desc').textContent()).toMatch(
      /Assigned records .* on one day a week/,
    );
    expect(await chart.locator('path.line').count()).toBe(1);
    const boxes = await chart.locator('text').evaluateAll((texts) =>
      texts.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    expect(boxes.map((b) => b.text)).toEqual(
      expect.arrayContaining(['Assigned records', 'Changes per document (log scale)']),
    );
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        .map((b) => `${a.text} × ${b.text}`),
    );
    expect(overlapping).toEqual([]);
    const chartBox = await chart.boundingBox();
    expect(chartBox?.height).toBeGreaterThan(150);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  });

  it('lists the documents by year and every year reaches its documents', async () => {
    const years = await page.locator('nav.years a').allTextContents();
    expect(years.length).toBeGreaterThan(1);
    expect(years).toEqual([...years].sort());
    const groups = await page.locator('section.year').count();
    expect(groups).toBe(years.length);
    expect(await page.locator(`#y${years.at(-1)} a`).count()).toBeGreaterThan(0);
  });

  it('opens the newest release: its changes by kind, links to ports, neighbours and IANA', async () => {
    const newest = page.locator('section.year').last().locator('li:last-child a');
    const label = await newest.textContent();
    await newest.click();
    await page.waitForURL(/\/history\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').textContent()).toBe(label);
    const kinds = await page.locator('section.changes h2').allTextContents();
    for (const kind of kinds)
      expect(kind).toMatch(/^(added|removed|modified|renamed|deassigned) \(/);
    if (kinds.length > 0)
      expect(
        await page
          .locator('section.changes a[href^="/ports/"], section.changes a[href^="/services/"]')
          .count(),
      ).toBeGreaterThan(0);
    expect(await page.locator('a[rel="prev"]').count()).toBe(1);
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
    expect(await page.locator('a[href^="https://www.iana.org/"]').count()).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('serves the feed as Atom a browser parses, an entry per release linking its page', async () => {
    // Fetched from a page of the site, as a feed reader would read it, and parsed as XML.
    await page.goto(`${server.url}/history/`);
    const feed = await page.evaluate(async () => {
      const text = await (await fetch('/feed.xml')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(ns, 'entry')];
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        ids: entries.map((e) => e.getElementsByTagNameNS(ns, 'id')[0]?.textContent),
        links: entries.map((e) => e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href')),
        complete: entries.every((e) =>
          ['id', 'title', 'updated', 'summary'].every(
            (n) => e.getElementsByTagNameNS(ns, n).length === 1,
          ),
        ),
      };
    });
    expect(feed.error).toBe(0);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.ids.length).toBeGreaterThan(0);
    expect(feed.ids.length).toBeLessThanOrEqual(100);
    expect(new Set(feed.ids).size).toBe(feed.ids.length);
    expect(feed.complete).toBe(true);
    const first = feed.links[0] ?? '';
    expect(first).toMatch(/\/history\/[a-z0-9-]+\/$/);
    expect((await page.goto(`${server.url}${new URL(first, server.url).pathname}`))?.status()).toBe(
      200,
    );
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
