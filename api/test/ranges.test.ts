import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

describe.each(TEST_DATABASE_KINDS)('ranges and free ports on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(() => api?.close());

  it('lists the IANA classes in force on a date, all of them through history, and OS ranges', async () => {
    interface Classes {
      totalCount: number;
      nodes: { name: string; low: number; high: number; validFrom: string }[];
    }
    const { data } = await api.query<{
      now: Classes;
      y2000: Classes;
      all: Classes;
      ephemeral: Classes;
    }>(`{
      now: rangeClasses(at: "2026-01-01") { totalCount nodes { name low high validFrom } }
      y2000: rangeClasses(at: "2000-01-01") { totalCount nodes { name low high validFrom } }
      all: rangeClasses(first: 100) { totalCount nodes { name low high validFrom } }
      ephemeral: ephemeralRanges(at: "2026-01-01") { totalCount nodes { name low high validFrom } }
    }`);
    expect(data?.now.nodes.map((c) => c.name)).toEqual([
      'System Ports',
      'User Ports',
      'Dynamic Ports',
    ]);
    expect(data?.y2000.nodes.some((c) => c.low === 1024)).toBe(true);
    expect(data?.all.totalCount).toBeGreaterThan(3);
    expect(data?.all.nodes.some((c) => c.validFrom < '2000-01-01')).toBe(true);
    expect(data?.ephemeral.nodes.some((c) => c.low === 49152 && c.high === 65535)).toBe(true);
  });

  it('names the OS ephemeral ranges holding a port', async () => {
    const { data } = await api.query<{ port: { ephemeralRanges: { name: string }[] } }>(
      '{ port(number: 50000, at: "2026-01-01") { ephemeralRanges { name } } }',
    );
    expect(data?.port.ephemeralRanges.length).toBeGreaterThan(0);
    const low = await api.query<{ port: { ephemeralRanges: { name: string }[] } }>(
      '{ port(number: 80) { ephemeralRanges { name } } }',
    );
    expect(low.data?.port.ephemeralRanges).toEqual([]);
  });

  it('gives a port the class of the day it is seen on', async () => {
    const { data } = await api.query(`{
      now: port(number: 1023) { rangeClass { slug name } }
      dynamic: port(number: 49152) { rangeClass { name definedBy quotation } }
    }`);
    expect(data).toMatchObject({
      now: { rangeClass: { slug: 'rfc6335-system', name: 'System Ports' } },
      dynamic: {
        rangeClass: { name: 'Dynamic Ports', definedBy: expect.stringContaining('RFC 6335') },
      },
    });
  });

  it('finds free blocks, honouring the minimum length, protocols and paging', async () => {
    const { data } = await api.query(`{
      all: unassigned(within: { low: 0, high: 100 }) { totalCount nodes { low high length } }
      long: unassigned(within: { low: 0, high: 100 }, minLength: 20) { nodes { low high } }
      sctp: unassigned(within: { low: 0, high: 100 }, protocols: [SCTP]) { nodes { low high } }
      paged: unassigned(within: { low: 0, high: 100 }, first: 1, after: "${Buffer.from('free:1').toString('base64url')}") { nodes { low } }
    }`);
    expect(data).toEqual({
      all: {
        totalCount: 4,
        nodes: [
          { low: 1, high: 21, length: 21 },
          { low: 23, high: 62, length: 40 },
          { low: 64, high: 79, length: 16 },
          { low: 81, high: 100, length: 20 },
        ],
      },
      long: {
        nodes: [
          { low: 1, high: 21 },
          { low: 23, high: 62 },
          { low: 81, high: 100 },
        ],
      },
      sctp: {
        nodes: [
          { low: 0, high: 21 },
          { low: 23, high: 100 },
        ],
      },
      paged: { nodes: [{ low: 23 }] },
    });
  });

  it('defaults to the User Ports and sees a withdrawn port as taken in the past', async () => {
    const { data } = await api.query(`{
      now: unassigned(first: 100) { nodes { low high } }
      past: unassigned(at: "2021-01-01", within: { low: 6990, high: 7010 }) { nodes { low high } }
    }`);
    expect(data).toEqual({
      now: {
        nodes: [
          { low: 1024, high: 5999 },
          { low: 6064, high: 49151 },
        ],
      },
      past: {
        nodes: [
          { low: 6990, high: 6999 },
          { low: 7001, high: 7010 },
        ],
      },
    });
  });

  it('points from a port to its assigned neighbours and the nearest free port', async () => {
    const { data } = await api.query(`{
      ssh: port(number: 22) { previousAssigned { number } nextAssigned { number } nearestUnassigned { number } }
      x11: port(number: 6010) { previousAssigned { number } nextAssigned { number } nearestUnassigned { number } }
      free: port(number: 5000) { nearestUnassigned { number } }
      top: port(number: 65535) { nextAssigned { number } }
    }`);
    expect(data).toEqual({
      ssh: {
        previousAssigned: null,
        nextAssigned: { number: 63 },
        nearestUnassigned: { number: 21 },
      },
      x11: {
        previousAssigned: { number: 6009 },
        nextAssigned: { number: 6011 },
        nearestUnassigned: { number: 5999 },
      },
      free: { nearestUnassigned: { number: 5000 } },
      top: { nextAssigned: null },
    });
  });
});
