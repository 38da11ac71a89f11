import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/portbook.js', import.meta.url));

/** A Node older than 22 on this machine (the system's, beside the toolchain `./dev` installs). */
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
  if (!existsSync(path)) return false;
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' });
  return Number(/^v(\d+)/.exec(version)?.[1] ?? 99) < 22;
});

describe('the command on an older Node', () => {
  it.runIf(OLD_NODE)('says which Node it needs, with a stable code, and exits 1', () => {
    const run = spawnSync(OLD_NODE as string, [BIN, '22'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error \[NODE_TOO_OLD\]: portbook needs Node\.js 22\.12 or later, and this is v\d+\.\d+\.\d+: run it through \.\/dev/,
    );
  });
});
