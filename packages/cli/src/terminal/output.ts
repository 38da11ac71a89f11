import { colourEnabled, type Paint, painter } from './style.ts';

export interface TextOptions {
  paint: Paint;
  /** The terminal's width; undefined (a pipe): lines are not cut. */
  width: number | undefined;
}

/** How stdout takes text: colours and width on a terminal, plain full lines in a pipe. */
export function textOptions(stream: NodeJS.WriteStream = process.stdout): TextOptions {
  return {
    paint: painter(colourEnabled(stream)),
    width: stream.isTTY ? stream.columns : undefined,
  };
}

/** `--json` output: one indented document and a newline. */
export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
