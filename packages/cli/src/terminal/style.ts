import { styleText } from 'node:util';
import { cliEnv } from '../env.ts';

type Format = Parameters<typeof styleText>[0];

/** Colours only on a terminal, never with NO_COLOR set; FORCE_COLOR turns them on anywhere. */
export function colourEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  const env = cliEnv();
  if (env.noColor) return false;
  return env.forceColor || stream.isTTY === true;
}

/** Styles text for stdout: `paint('bold', 'ssh')`, or the text unchanged without colours. */
export function painter(enabled: boolean): (format: Format, text: string) => string {
  return enabled
    ? (format, text) => styleText(format, text, { validateStream: false })
    : (_format, text) => text;
}

export type Paint = ReturnType<typeof painter>;
