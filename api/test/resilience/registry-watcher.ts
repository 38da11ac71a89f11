import { setTimeout as sleep } from 'node:timers/promises';
import { graphql } from './api-process.ts';

/**
 * How long an instance may take to serve a new registry before a test calls it stuck. Not a
 * speed goal: a refresh took 13.9 s on shared cores at load average 15 (under 1 s when quiet).
 */
const PATIENCE_MS = 60_000;

export interface RegistryState {
  updated: string | null;
  recordCount: number;
  sourceCount: number;
}

const QUERY = '{ registry { updated recordCount sourceCount } }';

export async function registryState(url: string): Promise<RegistryState> {
  const { body } = await graphql(url, QUERY);
  if (!body.data) throw new Error(`no registry: ${JSON.stringify(body)}`);
  return body.data.registry as RegistryState;
}

/** Asks the API for the loaded registry every few ms and keeps every answer, in order. */
export function watchRegistry(url: string) {
  const seen: RegistryState[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      seen.push(await registryState(url));
      await sleep(20);
    }
  })();
  const stop = async () => {
    running = false;
    await loop;
    return seen;
  };
  return {
    seen,
    stop,
    /** Keeps watching until an answer matches `done` (or `timeoutMs` passes), then stops. */
    stopOnceSeen: async (done: (state: RegistryState) => boolean, timeoutMs = PATIENCE_MS) => {
      const deadline = Date.now() + timeoutMs;
      while (!seen.some(done) && Date.now() < deadline) await sleep(20);
      return stop();
    },
  };
}

/** Polls until the API serves a registry matching `done`, or fails after `timeoutMs`. */
export async function waitForRegistry(
  url: string,
  done: (state: RegistryState) => boolean,
  timeoutMs = PATIENCE_MS,
): Promise<RegistryState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await registryState(url);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`still serving ${JSON.stringify(state)}`);
    await sleep(50);
  }
}
