import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../harness.ts';
import { parseSamples, type Samples, sample } from './prometheus-text.ts';

const PORT_QUERY = '{ port(number: 22) { number assignments { nodes { serviceName } } } }';

describe.each(TEST_DATABASE_KINDS)('Prometheus metrics at /metrics on %s', (kind) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await openTestApi(kind, { responseCache: true });
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = (path: string, init: RequestInit = {}) =>
    api.yoga.fetch(`http://portbook.test${path}`, init);
  const post = (body: string) =>
    send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  async function scrape(): Promise<Samples> {
    const response = await send('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseSamples(await response.text());
  }

  it('counts requests, latencies, errors by code and response cache hits', async () => {
    const before = await scrape();
    expect((await post(JSON.stringify({ query: PORT_QUERY }))).status).toBe(200);
    expect((await post(JSON.stringify({ query: PORT_QUERY }))).status).toBe(200);
    const refused = await (
      await post(JSON.stringify({ query: '{ port(number: 70000) { number } }' }))
    ).json();
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await post('{"query": ')).status).toBe(400);
    expect((await send('/healthz')).status).toBe(200);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    const graphql = { method: 'POST', route: '/graphql' };
    expect(
      delta('portbook_http_requests_total', { ...graphql, status: '200' }),
    ).toBeGreaterThanOrEqual(3);
    expect(delta('portbook_http_requests_total', { route: '/healthz', status: '200' })).toBe(1);
    expect(
      delta('portbook_http_request_duration_seconds_count', { ...graphql, status: '200' }),
    ).toBe(delta('portbook_http_requests_total', { ...graphql, status: '200' }));
    expect(delta('portbook_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(delta('portbook_graphql_errors_total', { code: 'BAD_REQUEST' })).toBe(1);
    expect(delta('portbook_http_requests_total', { ...graphql, status: '400' })).toBe(1);
    expect(delta('portbook_response_cache_total', { result: 'hit' })).toBe(1);
    expect(delta('portbook_graphql_results_total', { outcome: 'ok' })).toBe(2);
    expect(sample(after, 'portbook_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('keeps the number of series bounded whatever clients send', async () => {
    await send('/graphql', { method: 'GET' });
    await send('/no-such-path');
    const before = (await scrape()).size;
    for (let n = 0; n < 40; n++) {
      await post(
        JSON.stringify({
          query: `query Op${n}${Math.random().toString(36).slice(2)} { registry { recordCount } }`,
        }),
      );
      await send(`/probe-${n}?x=${n}`);
      await send(
        `/graphql?query=${encodeURIComponent(`{ port(number: ${n}) { number } }`)}&n=${n}`,
      );
    }
    const after = await scrape();
    // A new status code or error code may add a series; a series per operation name or URL may not.
    expect(after.size - before).toBeLessThan(30);
    expect(
      sample(after, 'portbook_http_requests_total', { route: 'other' }),
    ).toBeGreaterThanOrEqual(40);
  });
});
