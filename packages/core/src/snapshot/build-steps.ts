/**
 * An index built in steps: a generator that yields where a server may let other work run (each
 * step touches every row once, a few tens of ms on the full history). A server runs it with
 * pauses; a command answering one question runs it at once, the first time the index is needed.
 */
export type BuildSteps<T> = Generator<void, T, undefined>;

export async function runPausing<T>(steps: BuildSteps<T>, pause: () => Promise<void>): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

export function runAtOnce<T>(steps: BuildSteps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
  }
}
