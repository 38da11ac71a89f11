import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataDir, sharedDataFile } from '../../testing.ts';
import { SOCKET_STATEMENTS } from './socket-statements.ts';

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.runIf(sharedDataDir())('the NCP-era socket statements', () => {
  it.each(SOCKET_STATEMENTS.map((s) => [s.id, s] as const))('%s is verbatim', (_, statement) => {
    const rfc = /rfc(\d+)$/.exec(statement.definedByUrl)?.[1];
    const text = readFileSync(sharedDataFile(`rfc/rfc${rfc}.txt`) as string, 'latin1');
    expect(words(text)).toContain(statement.quotation);
    expect(words(text)).toContain(`socket ${statement.socket}`);
  });
});
