import { readdirSync, readFileSync } from 'node:fs';
import { PortbookError } from '@portbook/core';
import { isSoftwareCategory, SOFTWARE_CATEGORIES } from './categories.ts';
import { findDuplicateIds, type SoftwareFile } from './data-order.ts';
import { type Software, softwareFileSchema } from './schema.ts';
import { parseDataFile } from './validation.ts';

/** Where the category files live: `data/software/<category>.json` beside this package's `src/`. */
export const SOFTWARE_DATA_DIR = new URL('../data/software/', import.meta.url);

/** Every category file in `dir`, parsed and validated (throws MALFORMED_SOURCE naming the problems). */
export function readSoftwareFiles(dir: URL = SOFTWARE_DATA_DIR): SoftwareFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const category = name.slice(0, -'.json'.length);
      if (!isSoftwareCategory(category)) {
        throw new PortbookError(
          'MALFORMED_SOURCE',
          `${name}: unknown category "${category}" (known: ${SOFTWARE_CATEGORIES.join(', ')})`,
          { location: name },
        );
      }
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
      } catch (cause) {
        throw new PortbookError('MALFORMED_SOURCE', `${name}: not valid JSON`, {
          location: name,
          cause,
        });
      }
      return { category, entries: parseDataFile(softwareFileSchema(category), input, name) };
    });
}

/** All software entries of all categories, validated, sorted by id. */
export function loadSoftware(dir: URL = SOFTWARE_DATA_DIR): Software[] {
  const files = readSoftwareFiles(dir);
  const duplicates = findDuplicateIds(files);
  if (duplicates.length > 0) throw new PortbookError('MALFORMED_SOURCE', duplicates.join('\n'));
  return files.flatMap((file) => file.entries).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Software whose defaults include `port`, each with only the uses that cover it. */
export function softwareOnPort(software: readonly Software[], port: number): Software[] {
  return software.flatMap((entry) => {
    const uses = entry.uses.filter((use) => use.low <= port && port <= use.high);
    return uses.length > 0 ? [{ ...entry, uses }] : [];
  });
}
