import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type StaticServer, serveSite } from '../scripts/static-server.ts';
import { launchChromium, watchedPage } from './browser.ts';

export interface SiteSession {
  browser: Browser;
  page: Page;
  url(path: string): string;
  /** Opens a path and answers the page's text content of `main`. */
  text(path: string): Promise<string>;
}

/** The built site served and one Chromium page on it, for the test file that calls this. */
export function useSite(): SiteSession {
  let server: StaticServer;
  const session = {
    url: (path: string) => `${server.url}${path}`,
    text: async (path: string) => {
      await session.page.goto(session.url(path), { waitUntil: 'load' });
      return (await session.page.locator('main').textContent()) ?? '';
    },
  } as SiteSession;
  beforeAll(async () => {
    server = await serveSite(inject('siteDist'));
    session.browser = await launchChromium();
    session.page = await watchedPage(session.browser, []);
  });
  afterAll(async () => {
    await session.browser?.close();
    await server?.close();
  });
  return session;
}
