import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

const URL_BASE = 'http://portbook.test';
const fromSite = (origin: string, path = '/graphql?query=%7B__typename%7D') =>
  ({ path, init: { headers: { origin, accept: 'application/json' } } }) as const;

describe('CORS, /metrics and security headers', () => {
  let open: TestApi;
  let locked: TestApi;
  beforeAll(async () => {
    open = await openTestApi('pglite', { seed: false });
    locked = await openTestApi('pglite', {
      seed: false,
      settings: {
        corsOrigins: ['https://ports.example', 'https://tools.example'],
        corsCredentials: true,
        metricsToken: 's3cret',
      },
    });
  });
  afterAll(async () => {
    await open?.close();
    await locked?.close();
  });

  it('lets any origin read the API by default, never with credentials', async () => {
    const { path, init } = fromSite('https://anywhere.example');
    const response = await open.yoga.fetch(`${URL_BASE}${path}`, init);
    // `*`, not the caller's origin echoed: one CDN entry for every calling site.
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('vary') ?? '').not.toMatch(/origin/i);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await open.yoga.fetch(`${URL_BASE}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows only the listed origins, with credentials when the setting asks for them', async () => {
    const allowed = await locked.yoga.fetch(
      `${URL_BASE}/graphql?query=%7B__typename%7D`,
      fromSite('https://tools.example').init,
    );
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tools.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await locked.yoga.fetch(
      `${URL_BASE}/graphql?query=%7B__typename%7D`,
      fromSite('https://evil.example').init,
    );
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('gives /metrics no CORS at all', async () => {
    const response = await open.yoga.fetch(`${URL_BASE}/metrics`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('asks for the bearer token on /metrics when METRICS_TOKEN is set', async () => {
    const without = await locked.yoga.fetch(`${URL_BASE}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await locked.yoga.fetch(`${URL_BASE}/metrics`, {
      headers: { authorization: 'Bearer guess' },
    });
    expect(wrong.status).toBe(401);
    const right = await locked.yoga.fetch(`${URL_BASE}/metrics`, {
      headers: { authorization: 'Bearer s3cret' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('portbook_http_requests_total');
  });

  it('sends nosniff, a CSP, frame-ancestors and a Referrer-Policy with every API answer', async () => {
    for (const path of [
      '/graphql?query=%7B__typename%7D',
      '/services',
      '/healthz',
      '/metrics',
      '/nope',
    ]) {
      const response = await open.yoga.fetch(`${URL_BASE}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toContain(
        "frame-ancestors 'none'",
      );
      expect(response.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });
});
