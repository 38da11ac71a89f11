import { describe, expect, it } from 'vitest';
import { runLoad } from './load-run.ts';

/** CI's short variant of `pnpm bench load`: the same mix and checks, 12 s instead of 60 s. */
const SECONDS = Number(process.env.LOAD_TEST_SECONDS ?? 12);

describe('the API under load (short variant)', () => {
  it(`answers a ${SECONDS} s mix at 100 connections with no error and no memory growth`, async () => {
    const load = await runLoad({
      seconds: SECONDS,
      connections: 100,
      maxRequests: 500_000,
    });
    console.info(
      `load: ${load.warmupRequests} warm-up and ${load.requests} measured requests, ${load.requestsPerSecond.toFixed(0)} req/s, p99 ${load.p99} ms, ` +
        `heap ${(load.heapAfterWarmup / 2 ** 20).toFixed(0)} -> ${(load.heapAfterRun / 2 ** 20).toFixed(0)} MiB, ` +
        `RSS ${(load.rssAfterWarmup / 2 ** 20).toFixed(0)} -> ${(load.rssAfterRun / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(load.requests).toBeGreaterThan(100);
    expect(load.transportErrors, load.transportErrorKinds).toBe(0);
    expect(load.graphqlErrors).toBe(0);
    expect(load.heapAfterWarmup).toBeGreaterThan(0);
    expect(load.heapAfterRun).toBeLessThanOrEqual(load.heapAfterWarmup * 1.1);
  }, 360_000);
});
