import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ASSIGNED_NUMBERS_RFC_NUMBERS,
  NCP_SOCKET_LIST_RFC_NUMBERS,
  PortbookError,
} from '@portbook/core';
import type { FetchedDocument } from './fetched-document.ts';

const SNAPSHOT = /\.(xml|xml\.gz|port-numbers\.txt)$/;

function filesIn(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The history documents in a mirror directory laid out like the shared data: the current
 * registry (`iana/`), dated snapshots (`iana-snapshots/`), the NCP socket lists and the Assigned
 * Numbers RFCs (`rfc/`).
 */
export function mirrorFiles(mirror: string): string[] {
  if (!existsSync(mirror) || !statSync(mirror).isDirectory()) {
    throw new PortbookError('SOURCE_UNAVAILABLE', `mirror directory ${mirror} does not exist`);
  }
  const rfcs = [...NCP_SOCKET_LIST_RFC_NUMBERS, ...ASSIGNED_NUMBERS_RFC_NUMBERS]
    .map((n) => join(mirror, 'rfc', `rfc${n}.txt`))
    .filter((path) => existsSync(path));
  const files = [
    ...filesIn(join(mirror, 'iana'), /^service-names-port-numbers\.xml$|\.csv$/),
    ...filesIn(join(mirror, 'iana-snapshots'), SNAPSHOT),
    ...rfcs,
  ];
  if (files.length === 0) {
    throw new PortbookError(
      'SOURCE_UNAVAILABLE',
      `mirror directory ${mirror} holds no registry documents (iana/, iana-snapshots/, rfc/)`,
    );
  }
  return [...new Set(files)];
}

export function readMirrorFile(path: string): FetchedDocument {
  return { origin: path, bytes: new Uint8Array(readFileSync(path)) };
}
