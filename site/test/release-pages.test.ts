import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type StaticServer, serveSite } from '../scripts/static-server.ts';
import { launchChromium, watchedPage } from './browser.ts';

/**
 * Elements a document page may hold. Lighthouse flags pages of more than 1,400; the largest
 * document pages of the real history hold ~750 (a change line is ~4 elements, a page lists
 * at most 150 and a part 100).
 */
const MAX_ELEMENTS = 1_000;

// The fixture documents change a few records each: only the real history has kinds split.
const realHistory = existsSync(join(inject('siteDist'), 'history', 'rfc-1700', 'index.html'));

/** Every built page under /history/ but the index, with its size in bytes. */
function documentPages(dist: string): { path: string; bytes: number }[] {
  const found: { path: string; bytes: number }[] = [];
  const walk = (dir: string, path: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const index = join(dir, entry.name, 'index.html');
      const own = `${path}${entry.name}/`;
      try {
        found.push({ path: own, bytes: statSync(index).size });
      } catch {
        // A directory of parts (`added/`) has no page of its own.
      }
      walk(join(dir, entry.name), own);
    }
  };
  walk(join(dist, 'history'), '/history/');
  return found;
}

describe("the history's document pages in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const pages = documentPages(inject('siteDist'));

  beforeAll(async () => {
    server = await serveSite(inject('siteDist'));
    browser = await launchChromium();
    page = await watchedPage(browser, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The elements of a page as Chromium parses it, without opening it. */
  const parsed = (path: string) =>
    page.evaluate(async (url) => {
      const html = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return {
        elements: doc.querySelectorAll('*').length,
        heading: doc.querySelector('section.changes h2')?.textContent ?? '',
        lines: doc.querySelectorAll('section.changes ol.events > li').length,
      };
    }, `${server.url}${path}`);

  it(`keeps every document page, and the ten heaviest as laid out, within ${MAX_ELEMENTS} elements`, async () => {
    await page.goto(`${server.url}/history/`);
    const counts = [];
    for (const { path } of pages) counts.push({ path, elements: (await parsed(path)).elements });
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter(({ elements }) => elements > MAX_ELEMENTS)).toEqual([]);
    const laidOut = [];
    for (const { path } of [...pages].sort((a, b) => b.bytes - a.bytes).slice(0, 10)) {
      await page.goto(`${server.url}${path}`);
      laidOut.push({
        path,
        elements: await page.evaluate(() => document.querySelectorAll('*').length),
      });
    }
    expect(laidOut.filter(({ elements }) => elements > MAX_ELEMENTS)).toEqual([]);
  });

  it('reaches every change of the busiest documents from their page or its parts (axe-clean)', async () => {
    // The documents whose pages and parts weigh most: the 2013 and 2008 registries, 2004's.
    const weight = new Map<string, number>();
    for (const { path, bytes } of pages) {
      const document = /^\/history\/[^/]+\//.exec(path)?.[0] ?? path;
      weight.set(document, (weight.get(document) ?? 0) + bytes);
    }
    const busiest = [...weight].sort((a, b) => b[1] - a[1]).slice(0, 3);
    for (const [path] of busiest) {
      await page.goto(`${server.url}${path}`);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${path} ${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
      const stated = (await page.locator('dl.record dd').allTextContents()).join(' ');
      const groups = await page.locator('section.changes').evaluateAll((sections) =>
        sections.map((section) => ({
          heading: section.querySelector('h2')?.textContent ?? '',
          lines: section.querySelectorAll('ol.events > li').length,
          parts: [...section.querySelectorAll('ol.parts a')].map((a) => a.getAttribute('href')),
        })),
      );
      for (const group of groups) {
        const [, kind, total] = /^(\w+) \(([\d,]+)\)$/.exec(group.heading) ?? [];
        // The kind's count as the page's summary states it.
        expect(stated).toContain(`${total} ${kind}`);
        let reached = group.lines;
        for (const part of group.parts) {
          const read = await parsed(part ?? '');
          expect(read.heading).toMatch(new RegExp(`^${kind} \\([\\d,]+ of ${total}\\)$`));
          reached += read.lines;
        }
        expect({ path, kind, reached }).toEqual({
          path,
          kind,
          reached: Number(total?.replaceAll(',', '')),
        });
      }
    }
  });

  it.runIf(realHistory)(
    'opens a part of a split kind: its lines, its neighbours, every part, the document',
    async () => {
      const part = [...pages]
        .filter(({ path }) => /^\/history\/[^/]+\/\w+\/\d+\/$/.test(path))
        .sort((a, b) => b.bytes - a.bytes)[0];
      expect(part).toBeDefined();
      if (!part) return;
      await page.goto(`${server.url}${part.path}`);
      const document = /^\/history\/[^/]+\//.exec(part.path)?.[0];
      expect(await page.locator(`main a[href="${document}"]`).count()).toBeGreaterThan(0);
      expect(await page.locator('section.changes ol.events > li').count()).toBeGreaterThan(0);
      expect(await page.locator(`ol.parts a[aria-current="page"]`).getAttribute('href')).toBe(
        part.path,
      );
      const neighbours = await page.locator('a[rel="prev"], a[rel="next"]').count();
      const parts = await page.locator('ol.parts a').count();
      if (parts === 1) expect(neighbours).toBe(0);
      else expect(neighbours).toBeGreaterThan(0);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes[0]?.target}`),
        ).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    },
  );

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
