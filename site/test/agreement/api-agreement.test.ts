import { mirrorFiles, readMirrorFile } from '@portbook/cli';
import { PORT_MAX, parseSource, type RegistrySnapshot } from '@portbook/core';
import { sharedDataDir } from '@portbook/core/testing';
import { importDocuments, loadSnapshot } from '@portbook/db';
import { createTestDatabase } from '@portbook/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiPortFacts, differencesOf, sitePortFacts } from './port-facts.ts';

const mirror = sharedDataDir();

/**
 * The promise: for every port 0–65535, what the site's port page renders equals the
 * API's answer, from one snapshot of the real history (every document of the mirror).
 */
describe.runIf(mirror)('every port page against the API, on the real history', () => {
  let snapshot: RegistrySnapshot;

  beforeAll(async () => {
    const test = await createTestDatabase('pglite');
    try {
      const documents = mirrorFiles(mirror as string).map((path) => {
        const { origin, bytes } = readMirrorFile(path);
        return parseSource(bytes, origin);
      });
      await importDocuments(test.database, documents, { via: 'mirror' });
      snapshot = await loadSnapshot(test.database.db);
    } finally {
      await test.drop();
    }
  });

  it('shows the status, class, records, neighbours, nearest free port and history the API gives', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const site = sitePortFacts(snapshot, today);
    const api = await apiPortFacts(snapshot);
    expect(site.length).toBe(PORT_MAX + 1);
    expect(api.length).toBe(PORT_MAX + 1);
    const differences = site.flatMap((facts, port) => differencesOf(facts, api[port]));
    expect({ count: differences.length, first: differences.slice(0, 10) }).toEqual({
      count: 0,
      first: [],
    });
    // Not agreement on empty pages: the real registry and its history are in them.
    expect(site.filter((facts) => facts.assignments.length > 0).length).toBeGreaterThan(6_000);
    expect(site.filter((facts) => facts.history.length > 0).length).toBeGreaterThan(10_000);
  });
});
