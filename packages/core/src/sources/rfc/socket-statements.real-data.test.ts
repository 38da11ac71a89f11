import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../../test/describe-shared-data.ts';
import { sharedDataFile } from '../../testing.ts';
import { SOCKET_STATEMENTS } from './socket-statements.ts';

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describeSharedData('the NCP-era socket statements', () => {
  it.each(SOCKET_STATEMENTS.map((s) => [s.id, s] as const))('%s is verbatim', (_, statement) => {
    const rfc = /rfc(\d+)$/.exec(statement.definedByUrl)?.[1];
    const text = readFileSync(sharedDataFile(`rfc/rfc${rfc}.txt`) as string, 'latin1');
    expect(words(text)).toContain(statement.quotation);
    expect(words(text)).toContain(`socket ${statement.socket}`);
  });
});
