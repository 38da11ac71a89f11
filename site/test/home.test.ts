import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useSite } from './session.ts';

const PHONE = { width: 390, height: 844 };
const ARTIFACTS = new URL('../test-results/', import.meta.url).pathname;

describe('the home page on a phone and by keyboard', () => {
  const site = useSite();

  it('is light: the map is one drawing, not a link per port', async () => {
    const response = await site.page.goto(site.url('/'), { waitUntil: 'load' });
    const html = (await response?.text()) ?? '';
    expect(html.length).toBeLessThan(30_000);
    expect(await site.page.locator('a').count()).toBeLessThan(60);
    const map = site.page.locator('img#port-map');
    expect(await map.getAttribute('alt')).toMatch(/65,536 ports/);
    const drawing = await site.page.request.get(site.url('/port-map.svg'));
    expect(drawing.headers()['content-type']).toContain('image/svg+xml');
    expect((await drawing.text()).length).toBeLessThan(100_000);
  });

  it('lets a keyboard user reach the footer in a few tabs and open a port by number', async () => {
    await site.page.goto(site.url('/'), { waitUntil: 'load' });
    let tabs = 0;
    // Header, search, the latest changes, the map's number box and class links, then the footer.
    while (tabs < 40) {
      await site.page.keyboard.press('Tab');
      tabs++;
      const inFooter = await site.page.evaluate(
        () => document.activeElement?.closest('footer') !== null,
      );
      if (inFooter) break;
    }
    expect(tabs).toBeLessThanOrEqual(30);
    await site.page.getByLabel('Port number', { exact: true }).focus();
    await site.page.keyboard.type('443');
    await site.page.keyboard.press('Enter');
    await site.page.waitForURL(/\/ports\/443\/$/);
  });

  it('gives every control of the map at least 24 × 24 px on a phone', async () => {
    await site.page.setViewportSize(PHONE);
    await site.page.goto(site.url('/'), { waitUntil: 'load' });
    const controls = site.page.locator(
      'form.portjump input, form.portjump button, nav[aria-label="Blocks of the port space"] a',
    );
    expect(await controls.count()).toBeGreaterThanOrEqual(5);
    for (const control of await controls.all()) {
      const box = await control.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(24);
      expect(box?.height).toBeGreaterThanOrEqual(24);
    }
    const axe = await new AxeBuilder({ page: site.page }).withRules(['target-size']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    );
    await site.page.screenshot({ path: `${ARTIFACTS}home-phone.png`, fullPage: true });
    // The drawing fits the phone's width.
    const map = await site.page.locator('img#port-map').boundingBox();
    expect(map?.width).toBeLessThanOrEqual(PHONE.width);
    await site.page.setViewportSize({ width: 1200, height: 900 });
  });

  it('opens the port under a click on the drawing', async () => {
    for (const port of [443, 6010, 65535]) {
      await site.page.goto(site.url('/'), { waitUntil: 'load' });
      const map = site.page.locator('img#port-map');
      await map.scrollIntoViewIfNeeded();
      const box = await map.boundingBox();
      if (!box) throw new Error('the port map is not drawn');
      await site.page.mouse.click(
        box.x + (((port % 256) + 0.5) * box.width) / 256,
        box.y + ((Math.floor(port / 256) + 0.5) * box.height) / 256,
      );
      await site.page.waitForURL(new RegExp(`/ports/${port}/$`));
    }
  });
});
