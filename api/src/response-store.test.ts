import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createResponseStore } from './response-store.ts';

describe('the in-memory response store', () => {
  it('gives back what it was given, and drops the least recently used past its size', async () => {
    const store = createResponseStore(2);
    await store.set('a', { data: { n: 1 } }, [{ typename: 'Port', id: 22 }], Infinity);
    await store.set('b', { data: { n: 2 } }, [], Infinity);
    expect(await store.get('a')).toEqual({ data: { n: 1 } });
    await store.set('c', { data: { n: 3 } }, [], Infinity);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toEqual({ data: { n: 1 } });
    expect(await store.get('c')).toEqual({ data: { n: 3 } });
  });

  it('forgets a response once its time to live has passed', async () => {
    const store = createResponseStore(10);
    await store.set('short', { data: { n: 1 } }, [], 20);
    expect(await store.get('short')).toEqual({ data: { n: 1 } });
    await sleep(40);
    expect(await store.get('short')).toBeUndefined();
  });
});
