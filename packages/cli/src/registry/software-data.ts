import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SoftwareDefaults } from '@portbook/core/reader';
import { softwareDataStamp } from '@portbook/software/stamp';
import { writeAtomically } from './snapshot-cache.ts';

interface SoftwareCache {
  /** The files the defaults were validated from, as `softwareDataStamp` saw them. */
  stamp: string;
  defaults: SoftwareDefaults;
}

/**
 * The software data set, validated. Validating it (and loading the validator) took longer than
 * the rest of a lookup, so `cacheDir` keeps the result with the stamp of the files it came from:
 * new software data is validated anew, never answered from an old copy.
 */
export async function softwareData(cacheDir: string | undefined): Promise<SoftwareDefaults> {
  if (cacheDir === undefined) return validated();
  const file = join(cacheDir, 'software.cache');
  const stamp = softwareDataStamp();
  const cached = readSoftwareCache(file);
  if (cached && cached.stamp === stamp) return cached.defaults;
  const defaults = await validated();
  writeAtomically(file, serialize({ stamp, defaults } satisfies SoftwareCache));
  return defaults;
}

/** Loaded only when the cache cannot answer: the validator alone takes longer than a lookup. */
async function validated(): Promise<SoftwareDefaults> {
  const { softwareDefaults } = await import('@portbook/software');
  return softwareDefaults();
}

function readSoftwareCache(file: string): SoftwareCache | undefined {
  try {
    const cached = deserialize(readFileSync(file)) as Partial<SoftwareCache>;
    return typeof cached.stamp === 'string' && cached.defaults
      ? (cached as SoftwareCache)
      : undefined;
  } catch {
    return undefined;
  }
}
