import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type StaticServer, serveSite } from '../scripts/static-server.ts';
import { launchChromium, watchedPage } from './browser.ts';

const ARTIFACTS = new URL('../test-results/', import.meta.url).pathname;

/** Zero violations expected: each as `rule: count × help` so a failure says what to fix. */
async function violations(page: Page, build: (axe: AxeBuilder) => AxeBuilder = (axe) => axe) {
  const results = await build(new AxeBuilder({ page })).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target})`,
  );
}

describe('the built site in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const open = async (path: string) => {
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return response?.status();
  };

  beforeAll(async () => {
    server = await serveSite(inject('siteDist'));
    browser = await launchChromium();
    page = await watchedPage(browser, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searching "ssh" from the home page reaches port 22', async () => {
    await open('/');
    const box = page.getByLabel('Search a port number, a service name or words');
    await box.fill('ssh');
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=ssh$/);
    const first = page.locator('#search-results li a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/ports/22/');
    await first.click();
    await page.waitForURL(/\/ports\/22\/$/);
    expect(await page.locator('h1').textContent()).toBe('Port 22');
  });

  it('searching a number offers its port page first', async () => {
    await open('/search/?q=60000');
    const first = page.locator('#search-results li a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/ports/60000/');
  });

  it("port 443's page shows https for tcp, udp and sctp", async () => {
    expect(await open('/ports/443/')).toBe(200);
    expect(await page.title()).toBe('Port 443 (TCP/UDP/SCTP) — https | portbook');
    const row = page.locator('main table').first().locator('tbody tr', { hasText: 'https' });
    expect(await row.locator('td').nth(1).textContent()).toBe('tcp, udp, sctp');
    await page.screenshot({ path: `${ARTIFACTS}port-443.png`, fullPage: true });
  });

  it("port 15's timeline shows netstat", async () => {
    await open('/ports/15/');
    const history = page.locator('section[aria-labelledby="history"]');
    expect((await history.textContent())?.toLowerCase()).toContain('netstat');
    expect(await history.locator('svg.chart').count()).toBe(1);
  });

  it('a never-assigned port shows its class and the free block it sits in', async () => {
    await open('/ports/60000/');
    const glance = (await page.locator('ul.facts').textContent()) ?? '';
    expect(glance).toContain('No document since 1977 has assigned port 60000.');
    expect(glance).toContain('Dynamic Ports (49152–65535)');
    expect(glance).toMatch(/Free block: 49152–65535 \(16,384 ports\)/);
  });

  it('a port number typed in the address leads from the 404 page to the port', async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    const response = await visitor.goto(`${server.url}/443`);
    expect(response?.status()).toBe(404);
    await visitor.waitForURL(/\/ports\/443\/$/);
    await context.close();
  });

  it.each([
    '/',
    '/ports/443/',
    '/ports/60000/',
    '/ports/15/',
    '/services/ssh/',
    '/ranges/',
    '/history/',
    '/search/?q=kerberos',
  ])('%s passes the accessibility check, light and dark', async (path) => {
    await open(path);
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no console errors on any page', () => {
    expect(errors).toEqual([]);
  });
});
