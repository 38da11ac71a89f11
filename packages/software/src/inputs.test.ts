import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { softwareDataInputs } from './inputs.ts';

const copy = mkdtempSync(join(tmpdir(), 'portbook-software-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('softwareDataInputs', () => {
  it('changes with a data file or the validating code, and only then', () => {
    for (const folder of ['data', 'src']) {
      cpSync(new URL(`../${folder}`, import.meta.url), join(copy, folder), { recursive: true });
    }
    const packageDir = pathToFileURL(`${copy}/`);
    const original = softwareDataInputs(packageDir);
    expect(original.equals(softwareDataInputs())).toBe(true);
    writeFileSync(join(copy, 'src', 'notes.test.ts'), '// tests validate nothing\n');
    expect(softwareDataInputs(packageDir).equals(original)).toBe(true);
    writeFileSync(join(copy, 'data', 'software', 'ai.json'), '[]\n');
    const edited = softwareDataInputs(packageDir);
    expect(edited.equals(original)).toBe(false);
    writeFileSync(join(copy, 'src', 'schema.ts'), '// another schema\n');
    expect(softwareDataInputs(packageDir).equals(edited)).toBe(false);
  });
});
