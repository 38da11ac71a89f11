import type { SoftwareCategory } from './categories.ts';
import type { Software, SoftwareUse } from './schema.ts';

export interface SoftwareFile {
  category: SoftwareCategory;
  entries: Software[];
}

/** Uses in file order: by low, then high, then purpose. */
export function compareUses(a: SoftwareUse, b: SoftwareUse): number {
  return a.low - b.low || a.high - b.high || compareText(a.purpose, b.purpose);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entries sorted by id, each entry's uses sorted: what `check-data --fix` writes. */
export function sortSoftware(entries: readonly Software[]): Software[] {
  return entries
    .map((entry) => ({ ...entry, uses: [...entry.uses].sort(compareUses) }))
    .sort((a, b) => compareText(a.id, b.id));
}

/** Ids that appear more than once across all files, with where they appear. */
export function findDuplicateIds(files: readonly SoftwareFile[]): string[] {
  const seen = new Map<string, SoftwareCategory[]>();
  for (const file of files) {
    for (const entry of file.entries)
      seen.set(entry.id, [...(seen.get(entry.id) ?? []), file.category]);
  }
  return [...seen]
    .filter(([, categories]) => categories.length > 1)
    .map(
      ([id, categories]) =>
        `duplicate id "${id}" in ${categories.map((c) => `${c}.json`).join(', ')}`,
    );
}

/** Two uses of one software claiming the same port range on a shared protocol: one claim, one use. */
export function findDuplicateUses(file: SoftwareFile): string[] {
  const problems: string[] = [];
  for (const entry of file.entries) {
    const claimed = new Set<string>();
    for (const use of entry.uses) {
      for (const protocol of use.protocols) {
        const key = `${use.low}-${use.high}/${protocol}`;
        if (claimed.has(key))
          problems.push(`${file.category}.json: ${entry.id} claims ${key} twice`);
        claimed.add(key);
      }
    }
  }
  return problems;
}

/** Entries or uses out of order; `--fix` sorts them. */
export function findOrderProblems(file: SoftwareFile): string[] {
  const problems: string[] = [];
  file.entries.forEach((entry, i) => {
    const previous = file.entries[i - 1];
    if (previous && compareText(previous.id, entry.id) > 0) {
      problems.push(
        `${file.category}.json: "${entry.id}" must come before "${previous.id}" (sort by id)`,
      );
    }
    entry.uses.forEach((use, j) => {
      const before = entry.uses[j - 1];
      if (before && compareUses(before, use) > 0) {
        problems.push(
          `${file.category}.json: ${entry.id} uses[${j}] (${use.low}-${use.high}) must come before uses[${j - 1}] (sort by low, high, purpose)`,
        );
      }
    });
  });
  return problems;
}
