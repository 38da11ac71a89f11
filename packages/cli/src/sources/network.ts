import { ASSIGNED_NUMBERS_RFC_NUMBERS, PortbookError } from '@portbook/core';
import type { CliEnv } from '../env.ts';
import type { FetchedDocument } from './fetched-document.ts';

/** One download, with a deadline: a server that hangs is as unavailable as one that refuses. */
export async function fetchDocument(url: string, timeoutMs: number): Promise<FetchedDocument> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    const timedOut = (cause as { name?: string }).name === 'TimeoutError';
    const reason = timedOut
      ? `no answer within ${timeoutMs / 1000} s`
      : String((cause as Error).cause ?? cause);
    throw new PortbookError('SOURCE_UNAVAILABLE', `cannot fetch ${url}: ${reason}`, { cause });
  }
  if (!response.ok) {
    throw new PortbookError('SOURCE_UNAVAILABLE', `cannot fetch ${url}: HTTP ${response.status}`);
  }
  try {
    return { origin: url, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (cause) {
    throw new PortbookError('SOURCE_UNAVAILABLE', `download of ${url} broke off`, { cause });
  }
}

export interface NetworkDocuments {
  current: FetchedDocument;
  history: FetchedDocument[];
  /** History documents that could not be fetched: the current registry is required, these are not. */
  missing: { url: string; reason: string }[];
}

/**
 * The current registry from IANA (required), then any archived snapshots configured and, when
 * the packaged archive is left out, the Assigned Numbers RFCs: fetched side by side so a slow
 * host costs one timeout, not one per file.
 */
export async function networkDocuments(
  env: CliEnv,
  options: { withRfcs: boolean },
): Promise<NetworkDocuments> {
  const current = await fetchDocument(env.ianaUrl, env.fetchTimeoutMs);
  const rfcs = options.withRfcs ? ASSIGNED_NUMBERS_RFC_NUMBERS : [];
  const history = [...rfcs.map((n) => `${env.rfcBaseUrl}/rfc${n}.txt`), ...env.archiveUrls];
  const results = await Promise.allSettled(
    history.map((url) => fetchDocument(url, env.fetchTimeoutMs)),
  );
  const fetched: FetchedDocument[] = [];
  const missing: NetworkDocuments['missing'] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') fetched.push(result.value);
    else missing.push({ url: history[index] as string, reason: String(result.reason.message) });
  });
  return { current, history: fetched, missing };
}
