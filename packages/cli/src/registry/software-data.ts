import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SoftwareDefaults } from '@portbook/core/reader';
import { softwareDataInputs } from '@portbook/software/inputs';
import { writeAtomically } from './snapshot-cache.ts';

interface SoftwareCache {
  /** The files the defaults were validated from (`softwareDataInputs`). */
  inputs: Uint8Array;
  defaults: SoftwareDefaults;
}

/**
 * The software data set, validated. Validating it (and loading the validator) took longer than
 * the rest of a lookup, so `cacheDir` keeps the result beside the very bytes it came from: new
 * software data is validated anew, never answered from an old copy.
 */
export async function softwareData(cacheDir: string | undefined): Promise<SoftwareDefaults> {
  const file = cacheDir === undefined ? undefined : join(cacheDir, 'software.cache');
  const inputs = file === undefined ? undefined : softwareDataInputs();
  if (file !== undefined && inputs !== undefined) {
    const cached = readSoftwareCache(file);
    if (cached && inputs.equals(cached.inputs)) return cached.defaults;
  }
  const { softwareDefaults } = await import('@portbook/software');
  const defaults = softwareDefaults();
  if (file !== undefined && inputs !== undefined) {
    writeAtomically(file, serialize({ inputs, defaults } satisfies SoftwareCache));
  }
  return defaults;
}

function readSoftwareCache(file: string): SoftwareCache | undefined {
  try {
    const cached = deserialize(readFileSync(file)) as Partial<SoftwareCache>;
    return cached.inputs instanceof Uint8Array && cached.defaults
      ? (cached as SoftwareCache)
      : undefined;
  } catch {
    return undefined;
  }
}
