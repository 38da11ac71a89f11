import { PortbookError } from '../errors.ts';
import { decodeUtf8 } from './source-bytes.ts';

/** A package's JSON data file, parsed; bad JSON is a damaged source. */
export function readPackageJson(bytes: Uint8Array, origin: string): unknown {
  try {
    return JSON.parse(decodeUtf8(bytes, origin));
  } catch (cause) {
    if (cause instanceof PortbookError) throw cause;
    throw new PortbookError('MALFORMED_SOURCE', 'package data is not valid JSON', {
      location: origin,
      cause,
    });
  }
}

export interface NpmPackageOptions {
  /** The installed version, for the document title. */
  version?: string;
}

export function packageTitle(name: string, version: string | undefined): string {
  return `npm package ${name}${version ? `@${version}` : ''}`;
}
