import { readdirSync, readFileSync } from 'node:fs';

const PACKAGE_DIR = new URL('../', import.meta.url);
const FOLDERS = ['data/', 'data/software/', 'src/'];

/**
 * Everything `softwareDefaults()` returns depends on, as bytes: the data files and the code that
 * validates them, each after its name. A cache of the validated data set (the CLI keeps one) is
 * used only while these are the same bytes, so it never answers from older data: reading them
 * takes a millisecond, loading the validator and validating them a hundred or more.
 */
export function softwareDataInputs(packageDir: URL = PACKAGE_DIR): Buffer {
  const parts: Buffer[] = [];
  for (const folder of FOLDERS) {
    const dir = new URL(folder, packageDir);
    const names = readdirSync(dir)
      .filter((name) => /\.(json|ts)$/.test(name) && !name.endsWith('.test.ts'))
      .sort();
    for (const name of names) {
      const bytes = readFileSync(new URL(name, dir));
      parts.push(Buffer.from(`\0${folder}${name}\0${bytes.length}\0`), bytes);
    }
  }
  return Buffer.concat(parts);
}
