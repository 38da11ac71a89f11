import { describe, expect, it } from 'vitest';
import { Progress } from './progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  const fake = { isTTY, write: (text: string) => written.push(text) > 0 };
  return { fake: fake as unknown as NodeJS.WriteStream, output: () => written.join('') };
}

describe('Progress', () => {
  it('rewrites one line in place on a terminal and clears it before a lasting line', () => {
    const { fake, output } = stream(true);
    const progress = new Progress(fake);
    progress.step('parse 1/2 a.xml');
    progress.step('parse 2/2 b.xml');
    progress.say('synced');
    expect(output()).toBe('\r\x1b[Kparse 1/2 a.xml\r\x1b[Kparse 2/2 b.xml\r\x1b[Ksynced\n');
  });

  it('writes plain lines to a pipe, without control characters', () => {
    const { fake, output } = stream(false);
    const progress = new Progress(fake);
    progress.step('parse 1/2 a.xml');
    progress.say('synced');
    progress.done();
    expect(output()).toBe('parse 1/2 a.xml\nsynced\n');
  });
});
