import { type RunningServer, startServer } from '@portbook/api';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';

describe('the built site served by the API server, under its CSP, in Chromium', () => {
  let test: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    server = await startServer({
      database: test.database,
      port: 0,
      siteDir: inject('siteDist'),
      logger: pino({ level: 'silent' }),
    });
    browser = await launchChromium();
  });
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
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy'], path).toBeTruthy();
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
  });
});
