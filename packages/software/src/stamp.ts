import { readdirSync, statSync } from 'node:fs';

const PACKAGE_DIR = new URL('../', import.meta.url);
const FOLDERS = ['data/', 'data/software/', 'src/'];

/**
 * Every file `softwareDefaults()` depends on, the data and the code that validates it, with its
 * size and modification time: any edit, checkout or copy of new data changes it. A cache of the
 * validated data set (the CLI keeps one) is used only while this is the same, so it never
 * answers from older data: taking it costs a fraction of a millisecond, validating a hundred.
 */
export function softwareDataStamp(packageDir: URL = PACKAGE_DIR): string {
  const lines: string[] = [];
  for (const folder of FOLDERS) {
    const dir = new URL(folder, packageDir);
    const names = readdirSync(dir)
      .filter((name) => /\.(json|ts)$/.test(name) && !name.endsWith('.test.ts'))
      .sort();
    for (const name of names) {
      const stat = statSync(new URL(name, dir));
      lines.push(`${folder}${name}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return lines.join('');
}
