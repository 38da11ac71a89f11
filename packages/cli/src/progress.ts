/**
 * Progress on stderr: a terminal gets one line rewritten in place, a pipe or log file gets one
 * plain line per step so nothing is lost to carriage returns.
 */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #inPlace: boolean;
  #open = false;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.#stream = stream;
    this.#inPlace = Boolean(stream.isTTY);
  }

  /** A step that the next step replaces on a terminal. */
  step(text: string): void {
    if (this.#inPlace) {
      this.#stream.write(`\r\x1b[K${text}`);
      this.#open = true;
    } else {
      this.#stream.write(`${text}\n`);
    }
  }

  /** A line that stays (a result, a warning, the source used). */
  say(text: string): void {
    this.done();
    this.#stream.write(`${text}\n`);
  }

  /** Ends an in-place line so later output starts on a fresh one. */
  done(): void {
    if (this.#open) this.#stream.write('\r\x1b[K');
    this.#open = false;
  }
}
