import { parseIanaXml } from '@portbook/core';
import { importDocuments } from '@portbook/db';
import { createTestDatabase } from '@portbook/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryState } from '../../src/registry-state.ts';
import { registryXml } from './synthetic-mirror.ts';

/** Rejections nobody handled while a test ran: each would end a real server with exit code 1. */
function unhandledRejections() {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', record);
  return { seen, stop: () => process.off('unhandledRejection', record) };
}

describe('a registry stopped as the server closes, on Postgres', () => {
  let rejections: ReturnType<typeof unhandledRejections>;
  beforeEach(() => {
    rejections = unhandledRejections();
  });
  afterEach(() => rejections.stop());

  it('leaves nothing running on the database once stopped, even with its LISTEN not yet answered', async () => {
    const test = await createTestDatabase('postgres');
    const state = new RegistryState(test.database, { pollMs: 0 });
    await state.snapshot();
    // The first snapshot has just started its LISTEN: stopped now, then the database closed.
    await state.stop();
    await test.drop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rejections.seen).toEqual([]);
  });

  it('waits for a rebuild under way before the database closes', async () => {
    const test = await createTestDatabase('postgres');
    const errors: unknown[] = [];
    const state = new RegistryState(test.database, { pollMs: 0, onError: (e) => errors.push(e) });
    const first = await state.snapshot();
    const xml = registryXml('2025-02-20', 50);
    await importDocuments(test.database, [parseIanaXml(new TextEncoder().encode(xml), 'new.xml')]);
    const rebuilt = state.refresh();
    await state.stop();
    await test.drop();
    // The rebuild ended before stop() returned, without a statement cut short (a stopped
    // registry keeps answering with what it had).
    expect(await rebuilt).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toEqual([]);
    expect(rejections.seen).toEqual([]);
  });
});
