import { existsSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.ts';

/** Debian's Chromium (see TOOLCHAIN.md); the check runs wherever it is installed, and in CI. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM) || process.env.CI === 'true';

describe.skipIf(!hasChromium)('GraphiQL in a browser with no network but this server', () => {
  let test: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    server = await startServer({
      database: test.database,
      port: 0,
      logger: pino({ level: 'silent' }),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await test?.drop();
  });

  it('starts the editor under the CSP, loading nothing from elsewhere, and runs a query', async () => {
    const problems: string[] = [];
    const elsewhere: string[] = [];
    const page = await browser.newPage();
    // Offline but for this server: anything else is recorded and refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:')) {
        return route.continue();
      }
      elsewhere.push(url);
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    expect(await page.textContent('body')).not.toContain('Loading');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => document.querySelector('.graphiql-response')?.textContent?.includes('"data"'),
      undefined,
      { timeout: 30_000 },
    );
    expect(elsewhere).toEqual([]);
    // CSP refusals show as console errors: none at all is allowed.
    expect(problems).toEqual([]);
  }, 120_000);
});
