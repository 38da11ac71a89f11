import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, migrate } from '@portbook/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixtures } from '../fixtures.ts';
import { type ApiProcess, graphql, startApiProcess } from './api-process.ts';
import {
  canRunPostgresCluster,
  createPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster.ts';

/** What a client sees for one request: data, an error code, or no answer in time. */
interface Outcome {
  at: number;
  ms: number;
  result: 'ok' | 'hang' | string;
  status: number;
}

const QUERIES = [
  '{ port(number: 22) { number status assignments(first: 5) { nodes { serviceName protocol } } } }',
  '{ port(number: 6010) { rangeClass { name } assignments { nodes { serviceName portRange { low high } } } } }',
  '{ registry { recordCount updated } }',
  '{ search(query: "ssh", first: 5) { nodes { score reason } } }',
];
/** Longer than any answer may take: past this a request counts as hung. */
const ANSWER_WITHIN_MS = 10_000;

/** `connections` clients sending queries back to back until stopped, each outcome recorded. */
function runLoad(url: string, connections: number) {
  const outcomes: Outcome[] = [];
  let running = true;
  const client = async (offset: number) => {
    for (let n = offset; running; n++) {
      const at = Date.now();
      const query = QUERIES[n % QUERIES.length] as string;
      try {
        const { status, body } = await graphql(url, query, {}, ANSWER_WITHIN_MS);
        const code = body.errors?.[0]?.extensions?.code;
        outcomes.push({
          at,
          ms: Date.now() - at,
          status,
          result: code ?? (body.data ? 'ok' : 'empty'),
        });
      } catch (error) {
        const hang = (error as Error).name === 'TimeoutError';
        outcomes.push({
          at,
          ms: Date.now() - at,
          status: 0,
          result: hang ? 'hang' : String(error),
        });
      }
    }
  };
  const clients = Array.from({ length: connections }, (_, index) => client(index));
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}

async function status(url: string, path: string) {
  const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  return { status: response.status, body: (await response.json()) as { status: string } };
}

describe.runIf(canRunPostgresCluster || process.env.CI)(
  'the API when Postgres stops under load',
  () => {
    let cluster: PostgresCluster;
    let api: ApiProcess;

    beforeAll(async () => {
      cluster = await createPostgresCluster();
      const database = createDatabase({ url: cluster.url });
      await migrate(database);
      await seedFixtures(database);
      await database.close();
      api = await startApiProcess({ DATABASE_URL: cluster.url });
    }, 120_000);

    afterAll(async () => {
      await api?.stop();
      cluster?.destroy();
    });

    it('keeps answering from its snapshot while it is down, reports not ready, and recovers by itself', async () => {
      const load = runLoad(api.url, 8);
      await sleep(1_500);
      const stoppedAt = Date.now();
      cluster.stop('fast');
      await sleep(2_500);
      const whileDown = {
        ready: await status(api.url, '/readyz'),
        live: await status(api.url, '/healthz'),
      };
      await sleep(1_000);
      const startedAt = Date.now();
      cluster.start();
      await sleep(6_000);
      await load.stop();

      expect(api.child.exitCode, api.output.join('\n')).toBeNull();
      expect(whileDown.live.status).toBe(200);
      expect(whileDown.ready.status).toBe(503);
      expect(whileDown.ready.body.status).toBe('unavailable');
      expect((await status(api.url, '/readyz')).status).toBe(200);

      const { outcomes } = load;
      expect(outcomes.filter((o) => o.result === 'hang')).toEqual([]);
      const before = outcomes.filter((o) => o.at + o.ms < stoppedAt);
      expect(before.length).toBeGreaterThan(20);
      expect(before.every((o) => o.result === 'ok')).toBe(true);

      // Requests answer from the registry snapshot in memory: an outage of the system of record
      // does not reach them (only /readyz tells the operator).
      const down = outcomes.filter((o) => o.at > stoppedAt + 1_500 && o.at + o.ms < startedAt);
      expect(down.length, 'requests while Postgres was down').toBeGreaterThan(20);
      expect(down.filter((o) => o.result !== 'ok')).toEqual([]);

      const recovered = outcomes.find((o) => o.at > startedAt && o.result === 'ok');
      expect(recovered, 'a successful answer after the restart').toBeDefined();
      const recoveryMs = (recovered?.at ?? 0) - startedAt;
      expect(recoveryMs).toBeLessThan(5_000);
      const settled = outcomes.filter((o) => o.at > (recovered?.at ?? 0) + 1_000);
      expect(settled.length).toBeGreaterThan(20);
      expect(settled.filter((o) => o.result !== 'ok')).toEqual([]);
    }, 60_000);
  },
);
