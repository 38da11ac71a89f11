import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleMemoryRelease, releaseFreedMemory } from './release-memory.ts';

const MiB = 2 ** 20;

/** Allocates about `mib` MiB of small objects and lets them go: garbage V8 pools once collected. */
function churn(mib: number): number {
  let kept: { n: number; s: string }[] | undefined = [];
  for (let i = 0; i < mib * 12_000; i++) kept.push({ n: i, s: `value ${i}` });
  const count = kept.length;
  kept = undefined;
  return count;
}

let release: IdleMemoryRelease | undefined;
afterEach(() => release?.stop());

/** Starts a release that is quiet on any interval with no work; returns what each release freed. */
function watch(intervalMs: number, minFreedBytes: number): number[] {
  const released: number[] = [];
  release = new IdleMemoryRelease({
    intervalMs,
    quietBelow: 0,
    minFreedBytes,
    onRelease: ({ freedBytes }) => released.push(freedBytes),
  });
  return released;
}

describe('releaseFreedMemory', () => {
  it('gives the pages of collected garbage back, without leaving `gc` for other code', () => {
    const before = typeof globalThis.gc;
    churn(300);
    const grown = process.memoryUsage.rss();
    const pauseMs = releaseFreedMemory();
    expect(grown - process.memoryUsage.rss()).toBeGreaterThan(100 * MiB);
    expect(pauseMs).toBeGreaterThan(0);
    expect(typeof globalThis.gc).toBe(before);
  });
});

describe('IdleMemoryRelease', () => {
  it('releases once the work goes quiet, and only then', async () => {
    const released = watch(100, 64 * MiB);
    churn(300);
    // Busy: work in every interval.
    for (let i = 0; i < 10; i++) {
      release?.touch();
      await sleep(40);
    }
    expect(released).toEqual([]);
    await sleep(400);
    expect(released).toHaveLength(1);
    expect(released[0]).toBeGreaterThan(100 * MiB);
    // Nothing more to give back: quiet intervals do not release again.
    await sleep(400);
    expect(released).toHaveLength(1);
  });

  it('leaves memory alone when little was freed', async () => {
    const released = watch(50, 1024 * MiB);
    churn(100);
    await sleep(300);
    expect(released).toEqual([]);
  });
});

describe('IdleMemoryRelease.expectFreed', () => {
  it('releases at the next quiet interval however little the baseline says was freed', async () => {
    const released = watch(50, 1024 * MiB);
    churn(100);
    release?.expectFreed();
    await sleep(300);
    expect(released).toHaveLength(1);
    // Once: the next quiet intervals go back to the baseline rule.
    await sleep(300);
    expect(released).toHaveLength(1);
  });
});
