import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let collect: Collect | undefined;

/**
 * Gives the memory garbage collection has freed back to the operating system, and returns how
 * long this thread was paused, in ms.
 *
 * V8 keeps the pages a collection frees in a pool for its next allocations, so a process stays
 * resident at its peak: after building a snapshot or a burst of requests, 630 MiB for 120 MiB of
 * live heap. A memory-reducing ("last resort") collection empties the pool. It pauses the thread
 * (about 300 ms with today's snapshot), so `IdleMemoryRelease` runs it only when traffic is quiet.
 */
export function releaseFreedMemory(): number {
  collect ??= exposeGc();
  const started = performance.now();
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return performance.now() - started;
}

function exposeGc(): Collect {
  if (typeof globalThis.gc === 'function') return globalThis.gc as unknown as Collect;
  // V8 gives `gc` to the contexts created while --expose-gc is set: one context is made, and the
  // flag is off again before any other code can make one.
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as Collect;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/**
 * Resident memory the process holds beyond what this thread's heap uses, in bytes: pooled pages
 * and garbage not yet collected, which a release gives back, and the rest of the process.
 */
const heldBeyondHeap = () => process.memoryUsage.rss() - getHeapStatistics().used_heap_size;

export interface IdleMemoryReleaseOptions {
  /** How often activity is checked, in ms. */
  intervalMs?: number;
  /** At most this much work (`touch` weights) in one interval counts as quiet. */
  quietBelow?: number;
  /**
   * Released only when the process holds this many bytes more than after the last release
   * (default 32 MiB: a minute of varied load left the API on PGlite 60 MiB above its quiet size,
   * which 64 MiB kept; a release pauses the thread ~300 ms, and only when it is quiet).
   */
  minFreedBytes?: number;
  /** Told after each release: how long the thread paused, and how much memory went. */
  onRelease?: (released: { pauseMs: number; freedBytes: number }) => void;
}

/**
 * Releases freed memory once work goes quiet. `touch()` counts work (a request, a statement);
 * at the end of an interval with little work, if the process holds markedly more memory beyond
 * its live heap than after the last release, it releases. Each release resets that baseline, so
 * memory that cannot be released (an embedded database's grown heap) never makes it loop.
 */
export class IdleMemoryRelease {
  readonly #quietBelow: number;
  readonly #minFreedBytes: number;
  readonly #onRelease: IdleMemoryReleaseOptions['onRelease'];
  readonly #timer: NodeJS.Timeout;
  #work = 0;
  #baseline = heldBeyondHeap();
  /** A burst known to leave freed memory behind (a snapshot swapped in): the next quiet interval releases. */
  #expected = false;

  constructor(options: IdleMemoryReleaseOptions = {}) {
    this.#quietBelow = options.quietBelow ?? 10;
    this.#minFreedBytes = options.minFreedBytes ?? 32 * 2 ** 20;
    this.#onRelease = options.onRelease;
    this.#timer = setInterval(() => this.#check(), options.intervalMs ?? 5000);
    this.#timer.unref();
  }

  touch(weight = 1): void {
    this.#work += weight;
  }

  /**
   * Something just freed much memory (an old snapshot dropped for a new one): the next quiet
   * interval releases whatever the baseline says, as the baseline may date from a fuller time.
   */
  expectFreed(): void {
    this.#expected = true;
  }

  /** Releases at once, busy or not (start-up, before traffic), and takes the baseline afresh. */
  releaseNow(): void {
    const rssBefore = process.memoryUsage.rss();
    const pauseMs = releaseFreedMemory();
    this.#baseline = heldBeyondHeap();
    this.#expected = false;
    this.#onRelease?.({ pauseMs, freedBytes: rssBefore - process.memoryUsage.rss() });
  }

  #check(): void {
    const work = this.#work;
    this.#work = 0;
    if (work > this.#quietBelow) return;
    if (!this.#expected && heldBeyondHeap() - this.#baseline < this.#minFreedBytes) return;
    this.releaseNow();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/**
 * Lets the old generation grow to 1.5 times what the last full collection left, instead of the
 * up to 4 times V8 allows a busy program (its heap-growing factor), for a serving process: its
 * live heap is the snapshot and little else, and a request's garbage dies young, so collecting
 * more often costs little. Measured on the API with every release loaded (PGlite, varied
 * traffic at 50 connections): resident memory right after the warm-up 793 → 621 MiB. V8 reads
 * the flag at each collection, so setting it at run time takes effect.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
