import { existsSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.ts';

/** A full build takes minutes: this runs against one already made (`PORTBOOK_SITE_DIST`, as the site's browser tests use). */
const SITE = process.env.PORTBOOK_SITE_DIST;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const runnable = !!SITE && existsSync(`${SITE}/index.html`) && existsSync(CHROMIUM);

describe.skipIf(!runnable)('the built site under the API server’s CSP, in Chromium', () => {
  let test: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    server = await startServer({
      database: test.database,
      port: 0,
      siteDir: SITE,
      logger: pino({ level: 'silent' }),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await test?.drop();
  });

  it('runs every page’s scripts, search and the 404 redirect with no CSP refusal', async () => {
    const problems: string[] = [];
    const page = await browser.newPage();
    page.on('console', (message) => {
      // The 404 page's own status shows as a failed load; anything else is a fault.
      if (message.type() === 'error' && !/status of 404/.test(message.text())) {
        problems.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    for (const path of ['/', '/ports/22/', '/ranges/', '/history/']) {
      expect((await page.goto(`${server.url}${path}`))?.status(), path).toBe(200);
    }
    await page.goto(`${server.url}/443`);
    await page.waitForURL(/\/ports\/443\/$/, { timeout: 10_000 });
    await page.goto(`${server.url}/search/?q=ssh`);
    await page.waitForFunction(
      () => (document.querySelector('#search-results')?.children.length ?? 0) > 0,
      undefined,
      { timeout: 20_000 },
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
