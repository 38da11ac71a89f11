import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { softwareDataStamp } from './stamp.ts';

const copy = mkdtempSync(join(tmpdir(), 'portbook-software-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('softwareDataStamp', () => {
  it('changes with a data file or the validating code, and only then', () => {
    for (const folder of ['data', 'src']) {
      cpSync(new URL(`../${folder}`, import.meta.url), join(copy, folder), {
        recursive: true,
        preserveTimestamps: true,
      });
    }
    const packageDir = pathToFileURL(`${copy}/`);
    const original = softwareDataStamp(packageDir);
    // A copied time can lose its last digits (utimes takes seconds as a double): compare the
    // files and sizes with the package's own stamp, and the copy's stamp with itself.
    const withoutTimes = (stamp: string) => stamp.replace(/\0[^\0\n]*\n/g, '\n');
    expect(withoutTimes(original)).toBe(withoutTimes(softwareDataStamp()));
    expect(softwareDataStamp(packageDir)).toBe(original);
    writeFileSync(join(copy, 'src', 'notes.test.ts'), '// tests validate nothing\n');
    expect(softwareDataStamp(packageDir)).toBe(original);
    // The same size, a new modification time: an edit that only changes letters.
    const ai = join(copy, 'data', 'software', 'ai.json');
    utimesSync(ai, new Date(), new Date(Date.now() + 60_000));
    const edited = softwareDataStamp(packageDir);
    expect(edited).not.toBe(original);
    writeFileSync(join(copy, 'src', 'schema.ts'), '// another schema\n');
    expect(softwareDataStamp(packageDir)).not.toBe(edited);
  });
});
